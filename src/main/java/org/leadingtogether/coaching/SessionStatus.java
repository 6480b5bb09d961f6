package org.leadingtogether.coaching;

/** What happened to a coaching session. Two sessions missed without notice flag the pairing for the manager. */
public enum SessionStatus {
    PLANNED("Planned"),
    ATTENDED("Held"),
    CANCELLED("Cancelled with notice"),
    MISSED("Missed without notice");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
