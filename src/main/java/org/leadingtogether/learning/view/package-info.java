/**
 * The learning pages: the catalogue, a module, a lesson with its knowledge check and reflection prompt,
 * and the administrator's content page.
 */
package org.leadingtogether.learning.view;
