package org.leadingtogether.journal;

/**
 * A draft is work in progress, saved as the author types and seen by nobody else; a saved entry has passed
 * the checks (title, date, kind, some reflection, the identifying-information warning) and can be shared
 * and exported.
 */
public enum EntryStatus {
    DRAFT,
    SAVED
}
