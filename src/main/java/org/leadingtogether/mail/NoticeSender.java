package org.leadingtogether.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.persistence.TransientRetry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the emails waiting in the outbox: right after the transaction that wrote them commits, and every minute
 * for any that failed or whose instance stopped ({@link MailJobs} calls {@link #sendPending()}). Sending happens
 * outside any transaction, so a slow mail server never holds the locks of the change that wrote the email (a
 * booking's, an invitation's).
 *
 * <p>What became of each claimed email (sent, dropped, or failed and to be tried again) is written through
 * {@link TransientRetry}: the database may give that write up in a deadlock with another sender's claim (another
 * instance, or this one's run after a booking, at the same moment), and then it is simply written again. Given up,
 * it would have ended the whole run with an error, and left the email claimed, untried, until its claim ran out.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());

    @Inject
    private NoticeOutbox outbox;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    @Inject
    private TransientRetry retry;

    /** Sends what is waiting now; returns how many emails went. */
    public int sendPending() {
        return sendPending(clock.instant());
    }

    /** Sends what is due at {@code now} (the clock's time, or a later one in tests of the pauses). */
    public int sendPending(Instant now) {
        if (!mailer.isOn()) {
            return 0;
        }
        int sent = 0;
        for (long id : outbox.pending(now, 100)) {
            Optional<BookingNotice> claimed;
            try {
                claimed = outbox.claim(id, now);
            } catch (RuntimeException failed) {
                if (!DatabaseErrors.isDeadlock(failed)) {
                    throw failed;
                }
                // Another sender (another instance, or this one's timer after a booking) claimed the same email at the
                // same moment and the database gave this claim up: the other sends it, or the next run does.
                continue;
            }
            if (claimed.isEmpty()) {
                continue;
            }
            BookingNotice notice = claimed.get();
            if (notice.getKind() == NoticeKind.REMINDER && !outbox.stillBooked(notice.getBookingId())) {
                retry.run(() -> outbox.dropped(id, now, "Not sent: the booking was cancelled."));
                continue;
            }
            if (notice.getWorthlessAfter() != null && !now.isBefore(notice.getWorthlessAfter())) {
                retry.run(() -> outbox.dropped(id, now, "Not sent: its link had expired before the mail server took it."));
                continue;
            }
            try {
                mailer.send(notice.getRecipient(), notice.getSubject(), notice.getBody(), notice.getCalendar(), notice.getCalendarMethod());
            } catch (MessagingException | RuntimeException failed) {
                String error = failed.toString();
                if (retry.call(() -> outbox.failed(id, error, now))) {
                    LOG.log(Level.SEVERE, "A booking email (notice " + id + ") could not be sent for " + NoticeOutbox.KEEP_TRYING.toHours()
                            + " hours and is marked as failed; an administrator can send it again (Administration, Emails): " + failed.getMessage());
                } else {
                    LOG.log(Level.WARNING, "A booking email (notice " + id + ") could not be sent; it will be tried again: " + failed.getMessage());
                }
                continue;
            }
            if (notice.getKind().carriesSecretLink()) {
                String kept = withoutSecretLinks(notice.getBody());
                retry.run(() -> outbox.sent(id, now, kept));
            } else {
                retry.run(() -> outbox.sent(id, now));
            }
            sent++;
        }
        return sent;
    }

    /** The text with every secret in a link (43 URL-safe characters after a slash or '=') taken out. */
    static String withoutSecretLinks(String body) {
        return body.replaceAll("([/=])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", "$1(link removed once sent)");
    }

    /** {@link #sendPending()} on another thread, so the request that booked does not wait for the mail server. */
    @Asynchronous
    public void sendPendingSoon() {
        sendPending();
    }
}
