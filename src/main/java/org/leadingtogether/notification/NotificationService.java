package org.leadingtogether.notification;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.account.Role;
import org.leadingtogether.cohort.CohortDashboard;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.mail.BookingNotice;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticeKind;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.persistence.InstantConverter;
import org.leadingtogether.platform.persistence.TransientRetry;
import org.leadingtogether.platform.security.Callers;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The boundary of notifications: one's own notifications (the bell's count, the list, marking read), one's choices
 * per kind (signed in, or through an email's one-click link without signing in), and the two timed jobs (the pace
 * check and the weekly digest, see {@link NotificationJobs}). Every read of one's own things is by the caller's id,
 * never by anything a page sends; a notification of someone else is "not found". The home pages' "coming up" panels
 * are {@link ComingUpQueries}.
 */
@Stateless
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    /** A learner behind the pace is told at most once in this time. */
    static final Duration PACE_TOLD_AT_MOST = Duration.ofDays(7);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private NotificationWriter writer;

    @Inject
    private Mailer mailer;

    @Inject
    private CohortService cohorts;

    @Inject
    private TransientRetry retry;

    private long me() {
        return Callers.personId(session);
    }

    // ---------------------------------------------------------------- one's own notifications

    /** A notification as the list shows it. */
    public record Row(long id, String title, Instant at, boolean read) implements Serializable {
    }

    /** How many of the caller's notifications are unread: one count, for the bell on every page. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int countUnread() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM notification WHERE person_id = ? AND read_at IS NULL")
                .setParameter(1, me()).getSingleResult()).intValue();
    }

    /** The caller's latest notifications, newest first (at most {@code max}). */
    @PermitAll
    public List<Row> findMine(int max) {
        return em.createNamedQuery("Notification.findByPerson", Notification.class).setParameter("person", me()).setMaxResults(max)
                .getResultStream().map(n -> new Row(n.getId(), n.getTitle(), n.getCreatedAt(), n.isRead())).toList();
    }

    /** Opens one of the caller's notifications: marks it read and says where it leads. Anyone else's is not found. */
    @PermitAll
    public String open(long id) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || notification.getPersonId() != me()) {
            throw new NotFoundException("There is no such notification.");
        }
        notification.markRead(clock.instant());
        return notification.getLink();
    }

    /** Marks every notification of the caller's as read; returns how many were unread. */
    @PermitAll
    public int markAllRead() {
        return em.createNativeQuery("UPDATE notification SET read_at = ?, modified_at = ? WHERE person_id = ? AND read_at IS NULL")
                .setParameter(1, InstantConverter.column(clock.instant())).setParameter(2, InstantConverter.column(clock.instant()))
                .setParameter(3, me()).executeUpdate();
    }

    // ---------------------------------------------------------------- choices

    /** One kind with the choice made for it (or its default). */
    public record Choice(NotificationKind kind, Delivery delivery) implements Serializable {

        public String getLabel() {
            return kind.getChoiceLabel();
        }
    }

    /** The caller's choices, for the kinds their roles can receive. */
    @PermitAll
    public List<Choice> getMyChoices() {
        long me = me();
        Set<Role> roles = roles(me);
        List<Choice> choices = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            if (roles.contains(kind.getRole())) {
                choices.add(new Choice(kind, writer.delivery(me, kind)));
            }
        }
        return choices;
    }

    /** Saves the caller's choices; a kind their roles cannot receive is refused and nothing is saved. */
    @PermitAll
    public void saveMyChoices(Map<NotificationKind, Delivery> choices) {
        long me = me();
        Set<Role> roles = roles(me);
        for (Map.Entry<NotificationKind, Delivery> choice : choices.entrySet()) {
            if (choice.getValue() == null) {
                throw new BusinessException("Choose how you hear about: " + choice.getKey().getChoiceLabel().toLowerCase() + ".");
            }
            if (!roles.contains(choice.getKey().getRole())) {
                throw new NotFoundException("There is no such kind of notification for you.");
            }
        }
        choices.forEach((kind, delivery) -> saveChoice(me, kind, delivery));
    }

    /** What an email's one-click link changes: the kind, and the choice now. Empty if the link does not work. */
    public record LinkChoice(NotificationKind kind, Delivery delivery) implements Serializable {
    }

    /** The choice an email's link is about, without signing in: empty if the link was never made or has expired. */
    @PermitAll
    public Optional<LinkChoice> findChoiceByLink(String token) {
        return linkOwner(token).map(owner -> new LinkChoice(owner.kind(), writer.delivery(owner.personId(), owner.kind())));
    }

    /** Changes the choice an email's link is about, without signing in. */
    @PermitAll
    public LinkChoice changeChoiceByLink(String token, Delivery delivery) {
        LinkOwner owner = linkOwner(token).orElseThrow(() -> new NotFoundException(
                "This link does not work (it was cut short, or is more than 90 days old). Sign in and open Notification choices instead."));
        if (delivery == null) {
            throw new BusinessException("delivery", "Choose how you would like to hear about this.");
        }
        saveChoice(owner.personId(), owner.kind(), delivery);
        return new LinkChoice(owner.kind(), delivery);
    }

    private record LinkOwner(long personId, NotificationKind kind) {
    }

    private Optional<LinkOwner> linkOwner(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT person_id, kind FROM notification_link WHERE token_hash = ? AND expires_at > ?")
                .setParameter(1, NotificationWriter.hash(token)).setParameter(2, InstantConverter.column(clock.instant())).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new LinkOwner(((Number) row[0]).longValue(), NotificationKind.valueOf((String) row[1])));
    }

    private void saveChoice(long personId, NotificationKind kind, Delivery delivery) {
        em.createNativeQuery("DELETE FROM notification_choice WHERE person_id = ? AND kind = ?")
                .setParameter(1, personId).setParameter(2, kind.name()).executeUpdate();
        em.createNativeQuery("INSERT INTO notification_choice (person_id, kind, delivery) VALUES (?, ?, ?)")
                .setParameter(1, personId).setParameter(2, kind.name()).setParameter(3, delivery.name()).executeUpdate();
    }

    private Set<Role> roles(long personId) {
        Person person = em.find(Person.class, personId);
        return person == null ? Set.of() : person.getRoles();
    }

    // ---------------------------------------------------------------- timed jobs

    /**
     * The pace check (hourly, see {@link NotificationJobs}): who is at risk in each running cohort by the dashboard's
     * own rule; a learner newly at risk is noted for their managers ("since your last visit"), and told at most once in
     * {@link #PACE_TOLD_AT_MOST}; someone back on pace is no longer noted. Each cohort's learners are noted and told in
     * a transaction of its own ({@link #checkPaceOf}). Returns how many learners were told.
     *
     * <p>Why one transaction each, as for the digest: the check runs every hour of the working day, while people mark
     * their things read and managers open their dashboards. Made in one transaction for every cohort, it held each new
     * notification and each noted learner locked until the last cohort was done, and one failure (a deadlock, or one
     * cohort's email that could not be written) told nobody in any cohort that hour. Now a cohort's rows are locked for
     * as long as that cohort takes, a cohort given up in a deadlock is checked again ({@link TransientRetry}), and one
     * that still fails is logged and leaves the other cohorts to go. If the database itself has gone, the run ends
     * there, and the job logs it once.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int checkPace() {
        NotificationService self = session.getBusinessObject(NotificationService.class);
        Instant now = clock.instant();
        Map<Long, List<CohortDashboard.AtRisk>> atRisk = cohorts.findAtRiskInRunningCohorts();
        Set<Long> toCheck = new TreeSet<>(atRisk.keySet());
        toCheck.addAll(self.cohortsWatched()); // ended cohorts too, so that their learners stop being noted
        int told = 0;
        for (long cohortId : toCheck) {
            List<Long> behind = atRisk.getOrDefault(cohortId, List.of()).stream().map(CohortDashboard.AtRisk::personId).toList();
            try {
                told += retry.call(() -> self.checkPaceOf(cohortId, behind, now));
            } catch (RuntimeException failed) {
                if (DatabaseErrors.isUnavailable(failed)) {
                    throw failed; // the database has gone: one line in the job's log, not one for each cohort left
                }
                LOG.log(Level.WARNING, "The pace check of cohort " + cohortId + " could not be made; the next hour tries again", failed);
            }
        }
        return told;
    }

    /** The cohorts with learners noted as behind. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> cohortsWatched() {
        List<?> ids = em.createNativeQuery("SELECT DISTINCT cohort_id FROM pace_watch").getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * One cohort's part of the pace check, in a transaction of its own: each of {@code behind} noted (since now if newly
     * so) and told unless told within {@link #PACE_TOLD_AT_MOST}, and everyone else noted in it no longer noted. The
     * telling is claimed on the learner's row (told only by whoever moved its time on), so two instances checking at
     * once tell each learner once. Returns how many were told.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int checkPaceOf(long cohortId, List<Long> behind, Instant now) {
        Set<Long> watched = new HashSet<>();
        for (Object personId : em.createNativeQuery("SELECT person_id FROM pace_watch WHERE cohort_id = ?").setParameter(1, cohortId)
                .getResultList()) {
            watched.add(((Number) personId).longValue());
        }
        int told = 0;
        for (long personId : behind) {
            if (!watched.contains(personId)) {
                em.createNativeQuery("INSERT INTO pace_watch (person_id, cohort_id, behind_since, told_at) VALUES (?, ?, ?, NULL)")
                        .setParameter(1, personId).setParameter(2, cohortId).setParameter(3, InstantConverter.column(now)).executeUpdate();
            }
            int claimed = em.createNativeQuery("UPDATE pace_watch SET told_at = ? WHERE person_id = ? AND cohort_id = ? AND (told_at IS NULL OR told_at < ?)")
                    .setParameter(1, InstantConverter.column(now)).setParameter(2, personId).setParameter(3, cohortId)
                    .setParameter(4, InstantConverter.column(now.minus(PACE_TOLD_AT_MOST))).executeUpdate();
            if (claimed == 1) {
                writer.write(personId, NotificationKind.BEHIND_PACE, null, "/learner/home.xhtml");
                told++;
            }
        }
        watched.removeAll(behind);
        for (long backOnPace : watched) {
            em.createNativeQuery("DELETE FROM pace_watch WHERE person_id = ? AND cohort_id = ?")
                    .setParameter(1, backOnPace).setParameter(2, cohortId).executeUpdate();
        }
        em.flush(); // written now, so a deadlock is the database's refusal, which is made again, not a failed commit
        return told;
    }

    /** What a run of the weekly digest did: how many emails it wrote, and whose digest could not be written. */
    public record DigestRun(int written, Set<Long> failed) {
    }

    /**
     * The weekly digest ({@link DigestWeek}, sent by {@link NotificationJobs}): one email to each person who has a line
     * waiting from before {@code before}, listing everything that waits for them, with a one-click link per kind in it;
     * nobody in {@code skip} (those whose digest already could not be written this week). Each person's digest is
     * written in a transaction of its own ({@link #sendDigest}), which claims their lines (takes them off the digest)
     * as it writes their email, so two instances running at once send it once.
     *
     * <p>Why one transaction each: the digest goes at eight on a Monday morning, as people start their week by signing in
     * and marking things read. Written in one transaction for everyone, it held each person's claimed lines locked until
     * the last person's email was written, so marking one's own things read could wait for the whole digest; and one
     * failure (a deadlock, or one person's email that could not be written) sent nobody's digest that week. Now a
     * person's lines are locked for as long as their own email takes, a claim the database gives up in a deadlock is
     * made again ({@link TransientRetry}), and a digest that still cannot be written is logged, named in the result and
     * leaves everyone else's to go. If the database itself has gone, the run ends there, nothing claimed by the person
     * it failed on, and the digests already written are handed to the outbox at once, as at the end of a whole run; the
     * next check sends what is left once the database answers.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DigestRun sendDigests(Instant before, Set<Long> skip) {
        NotificationService self = session.getBusinessObject(NotificationService.class);
        int written = 0;
        Set<Long> failed = new TreeSet<>();
        try {
            for (long personId : self.digestsDue(before)) {
                if (skip.contains(personId)) {
                    continue;
                }
                try {
                    written += retry.call(() -> self.sendDigest(personId)) ? 1 : 0;
                } catch (RuntimeException notWritten) {
                    if (DatabaseErrors.isUnavailable(notWritten)) {
                        throw notWritten; // the database has gone: one line in the job's log, not one for each person left
                    }
                    LOG.log(Level.WARNING, "The weekly digest of person " + personId
                            + " could not be written; what it would have listed waits for next week's", notWritten);
                    failed.add(personId);
                }
            }
        } finally {
            if (written > 0) {
                writer.sendAfterCommit(); // also when the run ends early: the digests already written go now, not a minute later
            }
        }
        return new DigestRun(written, failed);
    }

    /** Who has a line waiting for the digest from before {@code before}. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> digestsDue(Instant before) {
        List<?> ids = em.createNativeQuery("SELECT DISTINCT person_id FROM notification WHERE digest_due = TRUE AND created_at < ? ORDER BY person_id")
                .setParameter(1, InstantConverter.column(before)).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** One person's digest: their lines claimed and their email written, in a transaction of its own; false if none was written. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendDigest(long personId) {
        List<Notification> lines = em.createQuery("SELECT n FROM Notification n WHERE n.personId = :person AND n.digestDue = TRUE ORDER BY n.id",
                Notification.class).setParameter("person", personId).getResultList();
        if (lines.isEmpty()) {
            return false;
        }
        long lastId = lines.get(lines.size() - 1).getId();
        int claimed = em.createNativeQuery("UPDATE notification SET digest_due = FALSE WHERE person_id = ? AND digest_due = TRUE AND id <= ?")
                .setParameter(1, personId).setParameter(2, lastId).executeUpdate();
        Person recipient = em.find(Person.class, personId);
        if (claimed == 0 || !mailer.isOn() || recipient == null || !recipient.isActive()) {
            return false;
        }
        String base = NotificationWriter.base();
        Map<NotificationKind, String> links = new EnumMap<>(NotificationKind.class);
        List<NotificationEmails.Line> text = new ArrayList<>();
        for (Notification n : lines) {
            text.add(new NotificationEmails.Line(n.getCreatedAt(), n.getTitle(), base + n.getLink()));
            links.computeIfAbsent(n.getKind(), kind -> writer.choiceLink(base, personId, kind));
        }
        NotificationEmails.Email email = NotificationEmails.digest(text, links);
        em.persist(BookingNotice.email(NoticeKind.NOTIFICATION_DIGEST, recipient.getEmail(), email.subject(), email.body()));
        em.flush(); // written now, so a deadlock is the database's refusal, which is made again, not a failed commit
        return true;
    }
}
