package org.leadingtogether.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.leadingtogether.account.Person;
import org.leadingtogether.coaching.CoachingHappened;
import org.leadingtogether.journal.JournalHappened;
import org.leadingtogether.mail.BookingNotice;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticeKind;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.persistence.InstantConverter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes notifications in the transaction of the change they report (the events are observed synchronously), so a
 * notification exists only for a change that was saved; and, as the person chose, an email into the outbox in that
 * same transaction (sent once it commits, tried again while the mail server is away). Also used by the daily pace
 * check and the weekly digest ({@link NotificationService}).
 */
@ApplicationScoped
public class NotificationWriter {

    /** How long a one-click link to change one's choices works. */
    static final Duration LINK_LIFE = Duration.ofDays(90);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    @Inject
    private Event<NoticesQueued> queued;

    @jakarta.annotation.Resource
    private jakarta.transaction.TransactionSynchronizationRegistry transactions;

    void journal(@Observes JournalHappened happened) {
        if (happened.byCoach()) {
            write(happened.authorId(), NotificationKind.COACH_COMMENTED, name(happened.coachId()),
                    "/learner/journal-entry.xhtml?id=" + happened.entryId());
        } else {
            write(happened.coachId(), NotificationKind.REFLECTION_SHARED, name(happened.authorId()),
                    "/coach/shared-entry.xhtml?id=" + happened.entryId());
        }
    }

    void coaching(@Observes CoachingHappened happened) {
        switch (happened.what()) {
            case REQUEST_WAITING -> write(happened.coachId(), NotificationKind.COACH_REQUEST, name(happened.coacheeId()), "/coach/home.xhtml");
            case SESSION_RECORDED -> write(happened.coacheeId(), NotificationKind.SESSION_RECORDED, name(happened.coachId()),
                    "/learner/pairing.xhtml?id=" + happened.pairingId());
        }
    }

    /** Writes one notification for {@code personId}, and an email at once if that is their choice for the kind. */
    Notification write(long personId, NotificationKind kind, String aboutName, String link) {
        Delivery delivery = delivery(personId, kind);
        Notification notification = new Notification(personId, kind, aboutName, link, delivery == Delivery.DIGEST);
        em.persist(notification);
        if (delivery == Delivery.EMAIL && mailer.isOn()) {
            Person person = em.find(Person.class, personId);
            if (person != null && person.isActive()) {
                String base = base();
                NotificationEmails.Email email = NotificationEmails.atOnce(kind, aboutName, base + link, choiceLink(base, personId, kind));
                em.persist(BookingNotice.email(NoticeKind.NOTIFICATION, person.getEmail(), email.subject(), email.body()));
                sendAfterCommit();
            }
        }
        return notification;
    }

    /**
     * Asks the outbox to send once this transaction commits: once per transaction however many emails it wrote (the pace
     * check may write many), so one sender goes through them rather than one per email, racing each other. Called
     * outside a transaction (the weekly digest, once all its transactions have committed), it asks at once.
     */
    void sendAfterCommit() {
        if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
            queued.fire(new NoticesQueued());
        } else if (transactions.getResource(NoticesQueued.class) == null) {
            transactions.putResource(NoticesQueued.class, Boolean.TRUE);
            queued.fire(new NoticesQueued());
        }
    }

    /** The person's choice for the kind, or its default. */
    Delivery delivery(long personId, NotificationKind kind) {
        List<?> chosen = em.createNativeQuery("SELECT delivery FROM notification_choice WHERE person_id = ? AND kind = ?")
                .setParameter(1, personId).setParameter(2, kind.name()).getResultList();
        return chosen.isEmpty() ? kind.defaultDelivery() : Delivery.valueOf((String) chosen.get(0));
    }

    /** A new one-click link to change the person's choice for the kind: only the token's hash is kept. */
    String choiceLink(String base, long personId, NotificationKind kind) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("INSERT INTO notification_link (token_hash, person_id, kind, expires_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, hash(token)).setParameter(2, personId).setParameter(3, kind.name())
                .setParameter(4, InstantConverter.column(clock.instant().plus(LINK_LIFE))).executeUpdate();
        return base + "/email-choices.xhtml?t=" + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String name(long personId) {
        Person person = em.find(Person.class, personId);
        return person == null ? null : person.getFullName();
    }

    /** The portal's public address: PORTAL_URL when set (as behind a proxy), else this request's, else localhost. */
    static String base() {
        Optional<String> portalUrl = ConfigProvider.getConfig().getOptionalValue("portal.url", String.class);
        if (portalUrl.filter(url -> !url.isBlank()).isPresent()) {
            return portalUrl.get().strip().replaceAll("/+$", "");
        }
        try {
            HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean usualPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return scheme + "://" + request.getServerName() + (usualPort ? "" : ":" + port) + request.getContextPath();
        } catch (RuntimeException noRequest) {
            return "http://localhost:8080";
        }
    }

    Instant now() {
        return clock.instant();
    }
}
