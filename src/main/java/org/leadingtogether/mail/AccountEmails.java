package org.leadingtogether.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.AccountEmail;

import java.util.logging.Logger;

/**
 * The account feature's emails (a password reset link) through this feature's outbox, so they get the same care as
 * every other email: written in the transaction that asked for them, sent after it commits, tried again while the mail
 * server is away. An email not worth sending any more (its link expired) is dropped instead, and the text of one that
 * held a link is not kept once it has gone ({@link NoticeOutbox}). The account feature only fires {@link AccountEmail}:
 * it knows nothing of the outbox, and features depend on each other one way only.
 */
@ApplicationScoped
public class AccountEmails {

    private static final Logger LOG = Logger.getLogger(AccountEmails.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailer mailer;

    @Inject
    private Event<NoticesQueued> queued;

    void write(@Observes AccountEmail email) {
        if (!mailer.isOn()) {
            LOG.warning("An account email (" + email.subject() + ") was not written: email is off (SMTP_HOST is not set).");
            return;
        }
        em.persist(BookingNotice.ofAccount(NoticeKind.PASSWORD_RESET, email.recipient(), email.subject(), email.body(),
                email.worthlessAfter()));
        queued.fire(new NoticesQueued());
    }
}
