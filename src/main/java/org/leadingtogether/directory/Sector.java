package org.leadingtogether.directory;

/**
 * The part of the health and care system an organisation belongs to. Cohorts are meant to mix sectors,
 * so the sector is recorded for every organisation.
 */
public enum Sector {
    NHS_TRUST("NHS trust"),
    PRIMARY_CARE("Primary care"),
    LOCAL_AUTHORITY("Local authority"),
    INDEPENDENT_CARE("Independent care provider"),
    VOLUNTARY_COMMUNITY("Voluntary and community");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
