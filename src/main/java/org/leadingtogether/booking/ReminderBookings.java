package org.leadingtogether.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.mail.StandingBookings;

/**
 * The booking feature's answer to the outbox (see {@link StandingBookings}): a day-before reminder goes only while its
 * booking still holds its time. Read inside the outbox's transaction.
 */
@ApplicationScoped
public class ReminderBookings implements StandingBookings {

    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean stillBooked(long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        return booking != null && booking.isActive();
    }
}
