package org.leadingtogether.mail;

/**
 * The one question the outbox asks about bookings: does the booking a day-before reminder is about still stand? A
 * reminder written before its booking was cancelled is dropped instead of sent ({@link NoticeSender}). The booking
 * feature answers it, since it owns bookings and depends on this feature, not the other way round. Asked inside
 * the outbox's own transaction.
 */
public interface StandingBookings {

    /** Whether the booking {@code bookingId} exists and still holds its time. */
    boolean stillBooked(long bookingId);
}
