package org.leadingtogether.feedback;

import java.util.Locale;
import java.util.stream.Collectors;

/** Sentences the 360 pages and PDFs share, so both say the same thing. */
public final class FeedbackText {

    private FeedbackText() {
    }

    /** Who will see a rater's answers, said the same way in the email and on the rater's page. */
    public static String whoSees(String learner, Relationship group) {
        return FeedbackEmails.whoSees(learner, group);
    }

    /** Which groups count only within all others, and why. */
    public static String folded(FeedbackFigures.Report figures) {
        if (figures.folded().isEmpty()) {
            return "";
        }
        String groups = figures.folded().stream().map(f -> f.group().getLabel().toLowerCase(Locale.UK) + " (" + f.answers() + ")")
                .collect(Collectors.joining(", "));
        return "Counted only within all others, so that nobody's answers can be picked out: " + groups + ".";
    }
}
