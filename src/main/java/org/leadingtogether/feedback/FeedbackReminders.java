package org.leadingtogether.feedback;

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
import org.eclipse.microprofile.config.ConfigProvider;
import org.leadingtogether.account.Person;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.mail.BookingNotice;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticeKind;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.persistence.InstantConverter;
import org.leadingtogether.platform.persistence.TransientRetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's own reminders to raters who have not answered: one each, {@value AutomaticReminder#DAYS_BEFORE_CLOSING}
 * days before the round closes (the rules are {@link AutomaticReminder}'s), through the outbox, with a new link of their
 * own as the learner's reminders carry. {@link FeedbackJobs} calls {@link #remindDue} every minute with the time; a test
 * calls it with any time it likes.
 *
 * <p>Each rater is claimed with a conditional update (still not answered, not yet reminded) in the same transaction that
 * writes their email, so a rater is reminded once even when every instance of a cluster runs the timer, and never after
 * their answers are in. A claim the database gives up in a deadlock (with another instance's run at the same moment,
 * or another change to the same rater) is made again through {@link TransientRetry}, so the run goes on to the other
 * raters instead of ending there. The link points at {@code PORTAL_URL} when it is set, else at the address the
 * learner used the portal at when inviting (a timer has no request of its own); a 360 with neither waits.
 */
@Stateless
@PermitAll
public class FeedbackReminders {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Mailer mailer;

    @Inject
    private TransientRetry retry;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private Event<NoticesQueued> queued;

    /** Writes the reminders due at {@code now}; gives how many raters were reminded. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int remindDue(Instant now) {
        if (!mailer.isOn()) {
            return 0;
        }
        FeedbackReminders self = context.getBusinessObject(FeedbackReminders.class);
        int reminded = 0;
        for (long rater : self.due(now)) {
            reminded += retry.call(() -> self.remind(rater, now)) ? 1 : 0;
        }
        return reminded;
    }

    /** The raters to remind at {@code now}: read in one statement from the rounds closing within the next few days. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.LONDON);
        boolean portalUrlSet = portalUrl().isPresent();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT fr.id, r.closes_on, fr.created_at, fr.answered, fr.auto_reminded_at, p.active,
                               (SELECT COUNT(*) FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
                                WHERE m.person_id = q.learner_id AND c.programme_id = r.programme_id AND m.status IN ('ENROLLED', 'COMPLETED')),
                               q.reminded_at, q.portal_url
                        FROM feedback_round r JOIN feedback_request q ON q.round_id = r.id JOIN feedback_rater fr ON fr.request_id = q.id
                        JOIN person p ON p.id = q.learner_id
                        WHERE r.closes_on >= ? AND r.closes_on <= ? AND fr.answered = FALSE AND fr.auto_reminded_at IS NULL
                        ORDER BY fr.id""")
                .setParameter(1, java.sql.Date.valueOf(today))
                .setParameter(2, java.sql.Date.valueOf(today.plusDays(AutomaticReminder.DAYS_BEFORE_CLOSING)))
                .setMaxResults(500).getResultList();
        List<Long> due = new ArrayList<>();
        for (Object[] row : rows) {
            AutomaticReminder.Rater rater = new AutomaticReminder.Rater(day(row[1]), InstantConverter.instant(row[2]), truth(row[3]),
                    row[4] == null ? null : InstantConverter.instant(row[4]), truth(row[5]), ((Number) row[6]).longValue() > 0,
                    row[7] == null ? null : InstantConverter.instant(row[7]));
            if (AutomaticReminder.isDue(rater, now, today) && (portalUrlSet || row[8] != null)) {
                due.add(((Number) row[0]).longValue());
            }
        }
        return due;
    }

    /** Claims one rater and writes their reminder; false if they answered meanwhile or another instance had them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(long raterId, Instant now) {
        int claimed = em.createNativeQuery("""
                        UPDATE feedback_rater SET auto_reminded_at = ?, reminders = reminders + 1
                        WHERE id = ? AND answered = FALSE AND auto_reminded_at IS NULL""")
                .setParameter(1, InstantConverter.column(now)).setParameter(2, raterId).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        FeedbackRater rater = em.find(FeedbackRater.class, raterId);
        FeedbackRequest request = em.find(FeedbackRequest.class, rater.getRequestId());
        FeedbackRound round = em.find(FeedbackRound.class, request.getRoundId());
        if (round.isClosedOn(LocalDate.ofInstant(now, ClockProducer.LONDON))) {
            return false; // closed since it was read: the claim stands, and nothing is sent
        }
        String base = portalUrl().orElse(request.getPortalUrl());
        String link = FeedbackService.newLink(em, rater, base, now);
        FeedbackEmails.Email email = FeedbackEmails.reminder(em.find(Person.class, request.getLearnerId()).getFullName(),
                em.find(Programme.class, round.getProgrammeId()).getName(), rater.getRelationship(), round.getClosesOn(),
                frameworks.getFramework(request.getFrameworkId()).allElements().size(), link);
        em.persist(BookingNotice.email(NoticeKind.FEEDBACK_REMINDER, rater.getEmail(), email.subject(), email.body()));
        em.flush(); // written now, so a deadlock is the database's refusal, which is made again, not a failed commit
        queued.fire(new NoticesQueued());
        return true;
    }

    private static Optional<String> portalUrl() {
        return ConfigProvider.getConfig().getOptionalValue("portal.url", String.class).filter(url -> !url.isBlank()).map(String::strip);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
