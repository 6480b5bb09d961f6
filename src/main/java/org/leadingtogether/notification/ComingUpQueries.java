package org.leadingtogether.notification;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Role;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.persistence.InstantConverter;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "coming up, and what is new" panels of the three home pages ({@link ComingUp}) and the noting of the visits
 * that "new" counts from: a boundary apart from {@link NotificationService} (one's own notifications, choices and the
 * timed jobs) because it works differently. The panels only read, from a few aggregate queries whatever the data,
 * over other features' tables (they cut across coaching, booking, journal, feedback and cohorts), and they are on the
 * busiest pages there are. So they read without a transaction (a transaction costs three more round trips to the
 * database on every view), and the visit is written down in a short transaction of its own ({@link #noteVisit}) only
 * when a visit begins and then at most every {@link #VISIT_NOTED_AT_MOST} (five minutes), not on every view. Each
 * panel is the caller's, found by their id, never by anything a page sends.
 */
@Stateless
public class ComingUpQueries {

    /** Visits to a home page this close together count as one, so reloading the page does not clear "new". */
    static final Duration SAME_VISIT = Duration.ofMinutes(30);
    /**
     * Within one visit, its end is noted again at most this often: a home opened every few seconds would otherwise
     * write a row on every view (a write and its commit on the busiest page of all). The visit can so end up to this
     * much earlier than the last view, well inside {@link #SAME_VISIT}.
     */
    static final Duration VISIT_NOTED_AT_MOST = Duration.ofMinutes(5);
    /** "New" for someone who has never opened the home page before. */
    static final Duration FIRST_VISIT_LOOKS_BACK = Duration.ofDays(14);
    /** A first conversation longer than this without an agreement counts as stuck. */
    static final Duration FIRST_CONVERSATION_STUCK = Duration.ofDays(30);
    private static final String CURRENT = "('CHEMISTRY', 'ACTIVE')";

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    private long me() {
        return Callers.personId(session);
    }

    // ---------------------------------------------------------------- coming up: learner

    /**
     * The learner's panel, read without a transaction in two statements whatever their data: their previous visit (noted
     * now and then), and one statement that asks the four features' tables at once (the learner's home is the busiest
     * page there is, and each statement is a round trip to the database and work for the persistence provider).
     */
    @RolesAllowed(Role.LEARNER_NAME)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ComingUp.Learner getLearnerComingUp() {
        long me = me();
        Instant now = clock.instant();
        Instant since = since(previousVisit(me, "learner", now), now);
        LocalDateTime nowColumn = InstantConverter.column(now);
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
        String currentPairing = "SELECT MAX(p.id) FROM coaching_pairing p WHERE p.coachee_id = ? AND p.state IN " + CURRENT;
        Object[] r = (Object[]) em.createNativeQuery("""
                        SELECT
                          (SELECT MIN(b.starts_at) FROM booking b
                           WHERE b.person_id = ? AND b.kind = 'COACHING' AND b.status = 'BOOKED' AND b.starts_at > ?),
                          (SELECT MIN(b.starts_at) FROM booking b
                           WHERE b.person_id = ? AND b.kind = 'PROTECTED_TIME' AND b.status = 'BOOKED' AND b.starts_at > ?),
                          (%1$s),
                          (SELECT COUNT(*) FROM coaching_action a WHERE a.done = FALSE AND a.pairing_id = (%1$s)),
                          (SELECT COUNT(*) FROM journal_comment c JOIN journal_entry e ON e.id = c.entry_id
                           JOIN coaching_pairing p ON p.id = c.pairing_id
                           WHERE e.author_id = ? AND c.author_id <> ? AND c.pairing_id = e.shared_pairing_id AND p.state IN %2$s
                             AND c.created_at > ?),
                          (SELECT COUNT(*) FROM feedback_round r
                           WHERE r.opens_on <= ? AND r.closes_on >= ?
                             AND r.programme_id IN (SELECT c.programme_id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
                                                    WHERE m.person_id = ? AND m.status = 'ENROLLED')
                             AND NOT EXISTS (SELECT 1 FROM feedback_request q
                                             WHERE q.round_id = r.id AND q.learner_id = ? AND q.self_rated_at IS NOT NULL))"""
                        .formatted(currentPairing, CURRENT))
                // the next coaching session and protected time
                .setParameter(1, me).setParameter(2, nowColumn).setParameter(3, me).setParameter(4, nowColumn)
                // the current pairing, and its actions not yet done
                .setParameter(5, me).setParameter(6, me)
                // comments of the current pairing only: a former coach's comments stay between the author and that coach
                .setParameter(7, me).setParameter(8, me).setParameter(9, InstantConverter.column(since))
                // 360 rounds of their programme open today that they have not rated themselves in
                .setParameter(10, today).setParameter(11, today).setParameter(12, me).setParameter(13, me)
                .getSingleResult();
        Long pairingId = r[2] == null ? null : ((Number) r[2]).longValue();
        return new ComingUp.Learner(InstantConverter.instant(r[0]), InstantConverter.instant(r[1]), count(r[4]),
                pairingId == null ? 0 : count(r[3]), count(r[5]), pairingId);
    }

    // ---------------------------------------------------------------- coming up: coach

    /** The coach's panel, in three queries whatever their data, read without a transaction; notes the visit now and then. */
    @RolesAllowed(Role.COACH_NAME)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ComingUp.Coach getCoachComingUp() {
        long me = me();
        Instant now = clock.instant();
        Instant since = since(previousVisit(me, "coach", now), now);
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
        int requests = count(em.createNativeQuery("SELECT COUNT(*) FROM coaching_pairing WHERE coach_id = ? AND state = 'PROPOSED' AND respond_by >= ?")
                .setParameter(1, me).setParameter(2, today).getSingleResult());
        // Only what is shared with them through a current pairing of theirs: nothing of a pairing that ended.
        int shared = count(em.createNativeQuery("""
                        SELECT COUNT(*) FROM journal_entry e JOIN coaching_pairing p ON p.id = e.shared_pairing_id
                        WHERE p.coach_id = ? AND p.state IN %s AND e.shared_at > ?""".formatted(CURRENT))
                .setParameter(1, me).setParameter(2, InstantConverter.column(since)).getSingleResult());
        ZonedDateTime monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ClockProducer.LONDON);
        Object[] week = (Object[]) em.createNativeQuery("""
                        SELECT SUM(CASE WHEN starts_at < ? THEN 1 ELSE 0 END), MIN(CASE WHEN starts_at > ? THEN starts_at END)
                        FROM booking WHERE coach_id = ? AND kind = 'COACHING' AND status = 'BOOKED' AND starts_at >= ?""")
                .setParameter(1, InstantConverter.column(monday.plusWeeks(1).toInstant())).setParameter(2, InstantConverter.column(now))
                .setParameter(3, me).setParameter(4, InstantConverter.column(monday.toInstant())).getSingleResult();
        return new ComingUp.Coach(requests, shared, week[0] == null ? 0 : ((Number) week[0]).intValue(), InstantConverter.instant(week[1]));
    }

    // ---------------------------------------------------------------- coming up: manager

    private static final String MY_COHORTS = """
            (SELECT c.id FROM cohort c WHERE c.end_date >= ?
               AND (c.id IN (SELECT cm.cohort_id FROM cohort_manager cm WHERE cm.person_id = ?)
                    OR c.programme_id IN (SELECT pm.programme_id FROM programme_manager pm WHERE pm.person_id = ?)))""";

    /** The manager's panel over the cohorts they run that have not ended, in four queries whatever their number. */
    @RolesAllowed(Role.PROGRAMME_MANAGER_NAME)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ComingUp.Manager getManagerComingUp() {
        long me = me();
        Instant now = clock.instant();
        Instant previousVisit = previousVisit(me, "manager", now);
        Instant since = since(previousVisit, now);
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
        Map<Long, Object[]> names = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                        SELECT c.id, pr.name, c.name FROM cohort c JOIN programme pr ON pr.id = c.programme_id
                        WHERE c.id IN %s ORDER BY pr.name, c.start_date, c.name, c.id""".formatted(MY_COHORTS))
                .setParameter(1, today).setParameter(2, me).setParameter(3, me).getResultList()) {
            Object[] r = (Object[]) row;
            names.put(((Number) r[0]).longValue(), r);
        }
        if (names.isEmpty()) {
            return new ComingUp.Manager(List.of(), previousVisit);
        }
        LocalDateTime sinceColumn = InstantConverter.column(since);
        Map<Long, Integer> behind = perCohort(em.createNativeQuery("""
                        SELECT w.cohort_id, COUNT(*) FROM pace_watch w WHERE w.behind_since > ? AND w.cohort_id IN %s GROUP BY w.cohort_id"""
                        .formatted(MY_COHORTS))
                .setParameter(1, sinceColumn).setParameter(2, today).setParameter(3, me).setParameter(4, me).getResultList());
        Map<Long, Integer> over = perCohort(em.createNativeQuery("""
                        SELECT b.cohort_id, COUNT(*) FROM booking b
                        WHERE b.over_entitlement = TRUE AND b.status <> 'CANCELLED' AND b.created_at > ? AND b.cohort_id IN %s
                        GROUP BY b.cohort_id""".formatted(MY_COHORTS))
                .setParameter(1, sinceColumn).setParameter(2, today).setParameter(3, me).setParameter(4, me).getResultList());
        Map<Long, Integer> stuck = perCohort(em.createNativeQuery("""
                        SELECT p.cohort_id, COUNT(*) FROM coaching_pairing p
                        WHERE p.cohort_id IN %s
                          AND ((p.state = 'PROPOSED' AND p.respond_by < ?)
                               OR (p.state = 'CHEMISTRY' AND p.accepted_at < ?)
                               OR (p.state IN %s AND (SELECT COUNT(*) FROM coaching_session s
                                                      WHERE s.pairing_id = p.id AND s.status = 'MISSED') >= 2))
                        GROUP BY p.cohort_id""".formatted(MY_COHORTS, CURRENT))
                .setParameter(1, today).setParameter(2, me).setParameter(3, me).setParameter(4, today)
                .setParameter(5, InstantConverter.column(now.minus(FIRST_CONVERSATION_STUCK))).getResultList());
        List<ComingUp.CohortLine> lines = new ArrayList<>();
        names.forEach((id, r) -> {
            int b = behind.getOrDefault(id, 0);
            int o = over.getOrDefault(id, 0);
            int s = stuck.getOrDefault(id, 0);
            if (b + o + s > 0) {
                lines.add(new ComingUp.CohortLine(id, (String) r[1], (String) r[2], b, o, s));
            }
        });
        return new ComingUp.Manager(lines, previousVisit);
    }

    private static Map<Long, Integer> perCohort(List<?> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return counts;
    }

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * Notes a visit to a home page and returns the visit before this one (visits within {@link #SAME_VISIT} of each other
     * are one), or null for a first visit.
     */
    private Instant previousVisit(long me, String page, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT previous_at, last_at FROM home_visit WHERE person_id = ? AND page = ?")
                .setParameter(1, me).setParameter(2, page).getResultList();
        if (rows.isEmpty()) {
            session.getBusinessObject(ComingUpQueries.class).noteVisit(page, null, now, true);
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        Instant previous = InstantConverter.instant(row[0]);
        Instant last = InstantConverter.instant(row[1]);
        if (last.isBefore(now.minus(SAME_VISIT))) {
            previous = last;
        } else if (!last.isBefore(now.minus(VISIT_NOTED_AT_MOST))) {
            return previous;
        }
        session.getBusinessObject(ComingUpQueries.class).noteVisit(page, previous, now, false);
        return previous;
    }

    /**
     * Writes down a visit to a home page, in a transaction of its own (see the class's explanation). Called through
     * the container by the panels; always the caller's own visit.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void noteVisit(String page, Instant previous, Instant now, boolean first) {
        long me = me();
        if (first) {
            em.createNativeQuery("INSERT INTO home_visit (person_id, page, previous_at, last_at) VALUES (?, ?, NULL, ?)")
                    .setParameter(1, me).setParameter(2, page).setParameter(3, InstantConverter.column(now)).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE home_visit SET previous_at = ?, last_at = ? WHERE person_id = ? AND page = ?")
                    .setParameter(1, InstantConverter.column(previous)).setParameter(2, InstantConverter.column(now))
                    .setParameter(3, me).setParameter(4, page).executeUpdate();
        }
    }

    /** "New" counts from the previous visit, or from {@link #FIRST_VISIT_LOOKS_BACK} ago for a first visit. */
    private static Instant since(Instant previousVisit, Instant now) {
        return previousVisit == null ? now.minus(FIRST_VISIT_LOOKS_BACK) : previousVisit;
    }
}
