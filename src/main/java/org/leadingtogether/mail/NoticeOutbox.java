package org.leadingtogether.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
 * The outbox of the portal's emails, each step in its own short transaction. An instance claims a row (a
 * conditional update that only one instance can win) before sending it, for a few minutes: if it dies while
 * sending, the claim runs out and another instance tries.
 *
 * <p>A mail server can be away for minutes or hours. A failed email is tried again after a pause that doubles
 * with each try (1, 2, 4 … minutes, then every hour) for {@link #KEEP_TRYING} after it was written; only then is it
 * marked as failed, with the last error, logged, and listed for an administrator (Administration, Emails), who can
 * send it again. Nothing is dropped without a trace, and the claims make sure each email is sent once.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeOutbox {

    /** This instance, as named in claims: the outbox's, and the booking feature's claims of its reminders. */
    public static final String INSTANCE = instanceName();

    /** How long an email is tried before it is marked as failed for an administrator to see. */
    static final Duration KEEP_TRYING = Duration.ofHours(24);
    /** The longest pause between two tries. */
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** The pause after the {@code attempts}-th failed try: 1, 2, 4, 8, 16, 32 minutes, then an hour. */
    static Duration pauseAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        Duration pause = Duration.ofMinutes(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    @PersistenceContext
    private EntityManager em;

    /** The booking feature's answer to whether a reminder's booking still stands. */
    @Inject
    private StandingBookings bookings;

    /** Ids of emails waiting to go and not claimed by a live instance, oldest first. */
    public List<Long> pending(Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        SELECT id FROM booking_notice
                        WHERE sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY id""")
                .setParameter(1, utc(now)).setMaxResults(max).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Claims one email for this instance; empty if another instance has it or it has gone. */
    public Optional<BookingNotice> claim(long id, Instant now) {
        int won = em.createNativeQuery("""
                        UPDATE booking_notice SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                        WHERE id = ? AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)""")
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
        return bookings.stillBooked(bookingId);
    }

    /** The text kept instead of an email's once it has gone or expired, when it held a link that opens an account. */
    static final String NOT_KEPT = "(Not kept: this email held a link to choose a password.)";

    public void sent(long id, Instant now) {
        em.createNativeQuery("UPDATE booking_notice SET sent_at = ?, last_error = NULL, " + FORGET_LINK + " WHERE id = ? AND claimed_by = ?")
                .setParameter(1, utc(now)).setParameter(2, id).setParameter(3, INSTANCE).executeUpdate();
    }

    /** Clears the text of an email that is worthless after a while (a reset link): it is not kept once sent or dropped. */
    private static final String FORGET_LINK = "body = CASE WHEN worthless_after IS NULL THEN body ELSE '" + NOT_KEPT + "' END";

    /**
     * Sent, keeping {@code keptBody} instead of the text that went: an email that carried a secret link keeps only
     * its text with the link taken out, so the outbox holds no working link once it has done its job.
     */
    public void sent(long id, Instant now, String keptBody) {
        em.createNativeQuery("UPDATE booking_notice SET sent_at = ?, last_error = NULL, body = ? WHERE id = ? AND claimed_by = ?")
                .setParameter(1, utc(now)).setParameter(2, keptBody).setParameter(3, id).setParameter(4, INSTANCE).executeUpdate();
    }

    /** Not sent, on purpose (a reminder for a booking cancelled since): closed without an email. */
    public void dropped(long id, Instant now, String why) {
        em.createNativeQuery("UPDATE booking_notice SET sent_at = ?, last_error = ?, " + FORGET_LINK + " WHERE id = ? AND claimed_by = ?")
                .setParameter(1, utc(now)).setParameter(2, why).setParameter(3, id).setParameter(4, INSTANCE).executeUpdate();
    }

    /**
     * A failed attempt: tried again after a pause that grows with each attempt, until the email has waited
     * {@link #KEEP_TRYING}; then it is marked as failed. Says whether it gave up.
     */
    public boolean failed(long id, String error, Instant now) {
        String text = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        BookingNotice notice = em.find(BookingNotice.class, id);
        if (notice == null) {
            return false;
        }
        boolean giveUp = !now.isBefore(notice.getCreatedAt().plus(KEEP_TRYING));
        em.createNativeQuery("""
                        UPDATE booking_notice SET claimed_until = ?, last_error = ?, failed_at = ? WHERE id = ? AND claimed_by = ?""")
                .setParameter(1, utc(now.plus(pauseAfter(notice.getAttempts())))).setParameter(2, text)
                .setParameter(3, giveUp ? utc(now) : null).setParameter(4, id).setParameter(5, INSTANCE).executeUpdate();
        return giveUp;
    }

    /** Emails not sent yet, waiting or failed, oldest first: what an administrator sees. */
    public List<BookingNotice> unsent(int max) {
        return em.createQuery("SELECT n FROM BookingNotice n WHERE n.sentAt IS NULL ORDER BY n.id", BookingNotice.class)
                .setMaxResults(max).getResultList();
    }

    /** An administrator asks for an email to be sent again: tried afresh at once, for another {@link #KEEP_TRYING}. */
    public boolean again(long id, Instant now) {
        return em.createNativeQuery("""
                        UPDATE booking_notice SET failed_at = NULL, claimed_until = NULL, claimed_by = NULL, attempts = 0, created_at = ?
                        WHERE id = ? AND sent_at IS NULL""")
                .setParameter(1, utc(now)).setParameter(2, id).executeUpdate() == 1;
    }

    /** An instant as the outbox's and the bookings' timestamp columns hold it (UTC wall time). */
    public static LocalDateTime utc(Instant instant) {
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
