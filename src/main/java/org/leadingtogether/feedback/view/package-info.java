/**
 * The 360 pages' backing beans: thin, each calling one {@link org.leadingtogether.feedback.FeedbackService} method per
 * action (the rater's page one {@link org.leadingtogether.feedback.RaterAnswers} method); and the two PDF downloads.
 */
package org.leadingtogether.feedback.view;
