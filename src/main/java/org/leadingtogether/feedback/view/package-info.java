/**
 * The 360 pages' backing beans: thin, each calling one {@link org.leadingtogether.feedback.FeedbackService} method per
 * action; and the two PDF downloads.
 */
package org.leadingtogether.feedback.view;
