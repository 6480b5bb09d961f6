package org.leadingtogether.cohort;

/** How a programme's protected-time entitlement is counted. */
public enum EntitlementPeriod {
    WEEK("hours a week"),
    MONTH("hours a month"),
    TOTAL("hours in total");

    private final String label;

    EntitlementPeriod(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
