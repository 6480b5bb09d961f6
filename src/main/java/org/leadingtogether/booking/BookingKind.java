package org.leadingtogether.booking;

/** What a booking is: a learner's protected development time, or a coaching session in a coach's slot. */
public enum BookingKind {
    PROTECTED_TIME("Protected time", "protected time"),
    COACHING("Coaching session", "a coaching session");

    private final String label;
    private final String phrase;

    BookingKind(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    /** As said in a sentence: "protected time", "a coaching session". */
    public String phrase() {
        return phrase;
    }

    public String getLabel() {
        return label;
    }
}
