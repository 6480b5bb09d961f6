package org.leadingtogether.booking;

/** What a block of protected time is for. */
public enum Purpose {
    MODULE_STUDY("Module study"),
    COACHING("Coaching"),
    ACTION_LEARNING("Action learning"),
    SHADOWING("Shadowing"),
    OTHER("Other development");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
