package org.leadingtogether.booking;

/** Why a booking email is sent. */
public enum NoticeKind {
    BOOKED,
    CANCELLED,
    MOVED,
    REMINDER,
    OVER_ENTITLEMENT,
    /** The account feature's email with a link to choose a new password (no booking). */
    PASSWORD_RESET
}
