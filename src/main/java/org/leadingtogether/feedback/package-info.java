/**
 * 360° feedback against the active framework, and the programme impact report built from it.
 *
 * <p>A programme manager sets a programme's rounds ({@link org.leadingtogether.feedback.FeedbackRound}: when each
 * opens and closes, how many raters each learner needs). A learner opens their own 360 in a round
 * ({@link org.leadingtogether.feedback.FeedbackRequest}), rates themselves on every element of the framework with its
 * behaviour statements in front of them, and invites raters by email in groups
 * ({@link org.leadingtogether.feedback.Relationship}). A rater needs no account: the email carries a single-use,
 * unguessable link ({@link org.leadingtogether.feedback.RaterToken}) of which only a hash is stored; it stops working
 * once the answers are sent or the round closes.
 *
 * <p>Anonymity is built into what is stored, not only into what is shown: a rater's answers
 * ({@link org.leadingtogether.feedback.FeedbackResponse}) carry their group but no link to their invitation or address,
 * and comments carry neither. {@link org.leadingtogether.feedback.FeedbackFigures} decides what a report may show:
 * groups with fewer than three answers only within "all others", the line manager's answers as theirs (they are told
 * so before they answer), and nothing that could be worked out by subtraction.
 *
 * <p>The report is the learner's; they may share it with their current coach, who may note the debrief. Programme
 * managers see only the programme's impact, over at least five learners, never one person's report: it is a report of
 * its own, read by {@link org.leadingtogether.feedback.ProgrammeImpact} under the rule of
 * {@link org.leadingtogether.feedback.ImpactFigures}, and asked for through the boundary like everything else.
 * {@link org.leadingtogether.feedback.FeedbackService} is the boundary for everyone with an account; every method
 * checks the caller through {@link org.leadingtogether.feedback.FeedbackPolicy}. A rater has none, so the link's
 * secret is the key: {@link org.leadingtogether.feedback.RaterAnswers} is the rater's boundary, apart, and takes a
 * rater's answers once. Emails go through the mail feature's outbox, so they are retried while
 * the mail server is away.
 */
package org.leadingtogether.feedback;
