package org.leadingtogether.booking;

/** What a booking is: a learner's protected development time, or a coaching session in a coach's slot. */
public enum BookingKind {
    PROTECTED_TIME("Protected time"),
    COACHING("Coaching session");

    private final String label;

    BookingKind(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
