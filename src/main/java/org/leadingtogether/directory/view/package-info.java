/** The administrator's pages for organisations and professions. */
package org.leadingtogether.directory.view;
