package org.leadingtogether.booking;

/**
 * Where a booking stands. A booking is {@link #BOOKED} until it is cancelled beforehand or, for protected
 * time, until the learner says afterwards whether the time was {@link #USED} or {@link #LOST} (taken back by
 * the service, say). Only a booked booking holds its time: the others no longer block anyone's calendar.
 */
public enum BookingStatus {
    BOOKED("Booked"),
    USED("Used"),
    LOST("Lost"),
    CANCELLED("Cancelled");

    private final String label;

    BookingStatus(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
