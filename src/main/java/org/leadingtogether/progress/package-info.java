/**
 * Progress against the leadership framework: dated self-assessments, and the picture they make with the
 * evidence from completed lessons.
 *
 * <p>A {@link org.leadingtogether.progress.SelfAssessment} is never changed or overwritten: each time a
 * learner rates themselves a new one is kept, so change over time can be seen. Ratings point at elements
 * of the framework version that was active then, so switching versions breaks nothing.
 * {@link org.leadingtogether.progress.ProgressService} is the boundary; coach ratings will sit beside
 * self-ratings, never replacing them.
 */
package org.leadingtogether.progress;
