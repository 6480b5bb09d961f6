package org.leadingtogether.cohort;

/** Where a member stands in a cohort. History is kept: a change of status is recorded with its date and reason. */
public enum MembershipStatus {
    ENROLLED("Enrolled"),
    DEFERRED("Deferred"),
    WITHDRAWN("Withdrawn"),
    COMPLETED("Completed");

    private final String label;

    MembershipStatus(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** Whether the member takes up a place (capacity) and counts in completion figures. */
    public boolean isActive() {
        return this == ENROLLED || this == COMPLETED;
    }
}
