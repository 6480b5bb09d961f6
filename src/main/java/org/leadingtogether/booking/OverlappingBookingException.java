package org.leadingtogether.booking;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

/** The person already holds a booking (protected time or a coaching session) at part of that time. */
@ApplicationException(rollback = true)
public class OverlappingBookingException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public OverlappingBookingException(String field, String whose, BookingKind kind, TimeRange existing) {
        super(field, whose + " already " + ("You".equals(whose) ? "have " : "has ") + kind.phrase()
                + " booked on " + LondonTime.describe(existing) + ". Choose a time that does not overlap it.");
    }
}
