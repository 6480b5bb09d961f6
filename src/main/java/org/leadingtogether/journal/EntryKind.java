package org.leadingtogether.journal;

/**
 * What an entry reflects on. The NMC reflective account asks about a CPD activity, practice-related
 * feedback, or an event or experience in practice; the kind says which, and is the "method" in the CPD log.
 */
public enum EntryKind {
    LEARNING_ACTIVITY("Learning activity"),
    PRACTICE_EVENT("Event or experience in practice"),
    FEEDBACK_RECEIVED("Feedback received"),
    COACHING_SESSION("Coaching session"),
    OTHER("Other");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
