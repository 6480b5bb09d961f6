package org.leadingtogether.booking;

/**
 * Why booked time did not happen as booked: kept with each cancelled or lost booking, so the ledger can show
 * how much protected time the service took back, which is what programme managers need to see.
 */
public enum ChangeReason {
    SERVICE_PRESSURE("Service pressure"),
    ILLNESS_OR_LEAVE("Illness or leave"),
    OTHER_COMMITMENT("Another commitment"),
    OTHER("Another reason");

    private final String label;

    ChangeReason(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
