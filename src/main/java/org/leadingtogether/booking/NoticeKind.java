package org.leadingtogether.booking;

/** Why a booking email is sent. */
public enum NoticeKind {
    BOOKED,
    CANCELLED,
    MOVED,
    REMINDER,
    OVER_ENTITLEMENT
}
