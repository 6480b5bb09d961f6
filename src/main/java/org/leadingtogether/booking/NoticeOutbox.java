package org.leadingtogether.booking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox of booking emails, each step in its own short transaction. An instance claims a row (a
 * conditional update that only one instance can win) before sending it, for a few minutes: if it dies while
 * sending, the claim runs out and another instance tries. A row that failed five times is left alone.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeOutbox {

    /** This instance, as named in claims. */
    static final String INSTANCE = instanceName();

    static final int MAX_ATTEMPTS = 5;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    @PersistenceContext
    private EntityManager em;

    /** Ids of emails waiting to go and not claimed by a live instance, oldest first. */
    public List<Long> pending(Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        SELECT id FROM booking_notice
                        WHERE sent_at IS NULL AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY id""")
                .setParameter(1, MAX_ATTEMPTS).setParameter(2, utc(now)).setMaxResults(max).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Claims one email for this instance; empty if another instance has it or it has gone. */
    public Optional<BookingNotice> claim(long id, Instant now) {
        int won = em.createNativeQuery("""
                        UPDATE booking_notice SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                        WHERE id = ? AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)""")
                .setParameter(1, INSTANCE).setParameter(2, utc(now.plus(CLAIM))).setParameter(3, id).setParameter(4, utc(now))
                .executeUpdate();
        if (won != 1) {
            return Optional.empty();
        }
        BookingNotice notice = em.find(BookingNotice.class, id);
        em.detach(notice);
        return Optional.of(notice);
    }

    /** Whether a booking still stands: a reminder is dropped if it was cancelled after it was written. */
    public boolean stillBooked(long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        return booking != null && booking.isActive();
    }

    public void sent(long id, Instant now) {
        em.createNativeQuery("UPDATE booking_notice SET sent_at = ?, last_error = NULL WHERE id = ? AND claimed_by = ?")
                .setParameter(1, utc(now)).setParameter(2, id).setParameter(3, INSTANCE).executeUpdate();
    }

    /** Not sent, on purpose (a reminder for a booking cancelled since): closed without an email. */
    public void dropped(long id, Instant now, String why) {
        em.createNativeQuery("UPDATE booking_notice SET sent_at = ?, last_error = ? WHERE id = ? AND claimed_by = ?")
                .setParameter(1, utc(now)).setParameter(2, why).setParameter(3, id).setParameter(4, INSTANCE).executeUpdate();
    }

    /** A failed attempt: tried again after a pause that grows with each attempt. */
    public void failed(long id, String error, Instant now) {
        String text = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        em.createNativeQuery("""
                        UPDATE booking_notice SET claimed_until = ?, last_error = ? WHERE id = ? AND claimed_by = ?""")
                .setParameter(1, utc(now.plus(Duration.ofMinutes(2)))).setParameter(2, text).setParameter(3, id)
                .setParameter(4, INSTANCE).executeUpdate();
    }

    static LocalDateTime utc(Instant instant) {
        return org.leadingtogether.platform.persistence.InstantConverter.column(instant);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            host = "instance";
        }
        String name = host + "/" + UUID.randomUUID();
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
