package org.leadingtogether.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.leadingtogether.platform.NotFoundException;

import java.time.Clock;
import java.util.List;

/**
 * The boundary of the outbox for its page: administrators see the emails not sent yet and send any of them again.
 * One call is one transaction. Features write their emails into the outbox themselves, in their own transactions
 * ({@link BookingNotice}, {@link NoticesQueued}); sending is {@link NoticeSender}'s, with no caller to check.
 */
@Stateless
public class MailService {

    @Inject
    private Clock clock;

    @Inject
    private Event<NoticesQueued> queued;

    @Inject
    private NoticeOutbox outbox;

    /** Emails not sent yet, oldest first: those waiting for their next try, and those the outbox gave up on. */
    @RolesAllowed("ADMIN")
    public List<OutboxEmail> getUnsentEmails() {
        return outbox.unsent(500).stream().map(n -> new OutboxEmail(n.getId(), n.getRecipient(), n.getSubject(), n.getCreatedAt(),
                n.getAttempts(), n.getLastError(), n.getClaimedUntil(), n.getFailedAt())).toList();
    }

    /** Sends one unsent email again, at once, and for another day of tries if the mail server is still away. */
    @RolesAllowed("ADMIN")
    public void sendEmailAgain(long noticeId) {
        if (!outbox.again(noticeId, clock.instant())) {
            throw new NotFoundException("There is no such email waiting.");
        }
        queued.fire(new NoticesQueued());
    }
}
