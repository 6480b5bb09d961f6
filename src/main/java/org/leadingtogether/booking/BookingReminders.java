package org.leadingtogether.booking;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticeOutbox;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.persistence.TransientRetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The day-before reminders. A booking is reminded once, about a day before it starts, if it was booked more
 * than a day ahead (a later booking has just had its confirmation). Each booking is claimed with a conditional
 * update before its reminder is written, in one transaction, so two instances of a cluster never both remind
 * it; the claim only succeeds while the booking is still booked, so a cancelled booking is never reminded.
 *
 * <p>A claim the database gives up in a deadlock (with another instance's run at the same moment, or another change to
 * the same booking) is made again through {@link TransientRetry}: given up, it would end the whole run with an error,
 * and the bookings after it would wait for the next minute's run.
 */
@Stateless
@PermitAll
public class BookingReminders {

    static final Duration AHEAD = Duration.ofHours(24);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Mailer mailer;

    @Inject
    private TransientRetry retry;

    @Inject
    private Event<NoticesQueued> queued;

    /** Writes the reminders due at {@code now}; returns how many bookings were reminded. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int remindDue(Instant now) {
        if (!mailer.isOn()) {
            return 0;
        }
        BookingReminders self = context.getBusinessObject(BookingReminders.class);
        int reminded = 0;
        for (long id : self.due(now)) {
            reminded += retry.call(() -> self.remind(id, now)) ? 1 : 0;
        }
        return reminded;
    }

    /** Bookings starting within the next day and not yet claimed for a reminder. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        SELECT id FROM booking
                        WHERE status = 'BOOKED' AND reminder_claimed_at IS NULL AND starts_at > ? AND starts_at <= ?
                        ORDER BY starts_at""")
                .setParameter(1, NoticeOutbox.utc(now)).setParameter(2, NoticeOutbox.utc(now.plus(AHEAD)))
                .setMaxResults(500).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Claims one booking and writes its reminder; false if another instance had it, or it needs none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(long bookingId, Instant now) {
        int claimed = em.createNativeQuery("""
                        UPDATE booking SET reminder_claimed_at = ?, reminder_claimed_by = ?
                        WHERE id = ? AND reminder_claimed_at IS NULL AND status = 'BOOKED'""")
                .setParameter(1, NoticeOutbox.utc(now)).setParameter(2, NoticeOutbox.INSTANCE).setParameter(3, bookingId)
                .executeUpdate();
        if (claimed != 1) {
            return false;
        }
        Booking booking = em.find(Booking.class, bookingId);
        if (booking.getCreatedAt().isAfter(booking.getStartsAt().minus(AHEAD))) {
            return false; // booked less than a day ahead: the confirmation was the reminder
        }
        NoticeWriter notices = new NoticeWriter(em, mailer, now);
        notices.reminder(booking);
        em.flush(); // written now, so a deadlock is the database's refusal, which is made again, not a failed commit
        if (notices.wrote()) {
            queued.fire(new NoticesQueued());
        }
        return true;
    }
}
