package org.leadingtogether.feedback;

import java.time.LocalDate;

/**
 * The words of the emails to raters: who asks, why, how long it takes, who will see the answers (the line manager is
 * told up front that theirs are shown as theirs), the link and until when it works. Plain text, plain British English.
 */
final class FeedbackEmails {

    private FeedbackEmails() {
    }

    record Email(String subject, String body) {
    }

    static Email invitation(String learner, String programme, Relationship group, LocalDate closes, int elements, String link) {
        return new Email(learner + " asks for your feedback (by " + FeedbackPolicy.DAY.format(closes) + ")",
                learner + " is taking part in " + programme + ", a leadership programme, and has asked you for feedback as "
                        + group.getRaterRole() + ".\n\n" + body(learner, group, closes, elements, link));
    }

    static Email reminder(String learner, String programme, Relationship group, LocalDate closes, int elements, String link) {
        return new Email("Reminder: " + learner + " asks for your feedback (by " + FeedbackPolicy.DAY.format(closes) + ")",
                "A reminder: " + learner + " is taking part in " + programme + " and would value your feedback as "
                        + group.getRaterRole() + ". If you have answered already, thank you: you can ignore this email.\n\n"
                        + body(learner, group, closes, elements, link));
    }

    private static String body(String learner, Relationship group, LocalDate closes, int elements, String link) {
        return "It takes about 10 minutes. For each of " + elements + " leadership qualities you say how well " + learner
                + " shows it, or that you are not able to say, and you can answer two short questions in your own words.\n\n"
                + whoSees(learner, group) + "\n\n"
                + "Answer here (the link is for you alone and works once, until the end of " + FeedbackPolicy.DAY.format(closes)
                + "; you do not need an account):\n" + link + "\n\n– Leading Together\n";
    }

    /** Who will see what, said the same way in the email and on the rater's page. */
    static String whoSees(String learner, Relationship group) {
        String ratings = group.isLineManager()
                ? "As their line manager, your ratings are shown to " + learner + " as yours: they are not anonymous."
                : "Your ratings are anonymous: " + learner + " sees them only combined with those of at least two other people.";
        return ratings + " Your comments are shown word for word without your name. " + learner
                + " may share the report with their coach. Their programme manager never sees one person's report.";
    }
}
