/** The learner's self-assessment page and home page, with the radar of where they stand. */
package org.leadingtogether.progress.view;
