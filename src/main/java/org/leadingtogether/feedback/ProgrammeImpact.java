package org.leadingtogether.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.cohort.MemberActivity;
import org.leadingtogether.cohort.MembershipStatus;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.persistence.InList;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A programme's impact, the report its managers take to a board: for the learners who completed both its first and
 * last 360 rounds (their own ratings, and at least the round's minimum of raters' answers), the average change per
 * dimension, beside what the programme's members and those learners did (completion, protected time used, coaching
 * sessions held). It is a report of its own beside the 360s it reads, so it lives apart from
 * {@link FeedbackService}, which stays the boundary: the service checks that the caller manages the programme and
 * holds the transaction, then asks this class, inside that transaction (the shape of the cohort feature's
 * {@code ProgrammeStandings}).
 *
 * <p>What may be shown is {@link ImpactFigures}' rule (never over fewer than five learners); the 360 side is read
 * once both rounds have closed and kept by {@link ClosedRounds}; activity is read afresh each time, from the
 * cohort's own answers ({@link MemberActivity}). Each part takes one or two statements, whatever the programme's
 * size: 17 for the whole page, the page's own included.
 */
@ApplicationScoped
public class ProgrammeImpact {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private ClosedRounds closedRounds;

    @Inject
    private MemberActivity.Coaching coachingActivity;

    @Inject
    private MemberActivity.ProtectedTime protectedTimeActivity;

    /**
     * The impact of a programme whose manager the caller has been checked to be, or why it is not ready (fewer than
     * two rounds, the last one still open). Read from the kept sums per learner and dimension, never from every rating.
     */
    FeedbackPages.Impact read(Programme programme) {
        LocalDate today = FeedbackCommon.today(clock);
        List<FeedbackRound> rounds = em.createNamedQuery("FeedbackRound.findByProgramme", FeedbackRound.class)
                .setParameter("programme", programme.getId()).getResultList();
        if (rounds.size() < 2) {
            return notReady(programme, rounds, today, "The programme needs two 360 rounds, such as one at the start and one at the end: it has "
                    + rounds.size() + ".");
        }
        FeedbackRound first = rounds.get(0);
        FeedbackRound last = rounds.get(rounds.size() - 1);
        if (!last.isClosedOn(today)) {
            return notReady(programme, rounds, today, "The figures are ready once the last round, " + last.getName() + ", closes on "
                    + FeedbackPolicy.DAY.format(last.getClosesOn()) + ".");
        }

        // Members: cohort, status (one statement).
        Map<Long, Long> cohortOf = new HashMap<>();
        Map<Long, String> cohortNames = new LinkedHashMap<>();
        Map<Long, MembershipStatus> statusOf = new HashMap<>();
        em.createQuery("""
                        SELECT m.person.id, c.id, c.name, m.status FROM CohortMembership m JOIN m.cohort c
                        WHERE c.programme.id = :p ORDER BY c.startDate, c.name, c.id""", Object[].class)
                .setParameter("p", programme.getId()).getResultList().forEach(row -> {
                    cohortNames.putIfAbsent((Long) row[1], (String) row[2]);
                    if (((MembershipStatus) row[3]).isActive() || !cohortOf.containsKey((Long) row[0])) {
                        cohortOf.put((Long) row[0], (Long) row[1]);
                        statusOf.put((Long) row[0], (MembershipStatus) row[3]);
                    }
                });

        // The changes of the learners who completed both rounds, added up by cohort and dimension in the database (one
        // statement), and who those learners are (one more).
        String both = """
                FROM feedback_request q1
                JOIN feedback_request q2 ON q2.learner_id = q1.learner_id AND q2.round_id = ? AND q2.self_rated_at IS NOT NULL AND q2.answers >= ?
                JOIN (SELECT mm.person_id, MIN(mm.cohort_id) AS cohort_id FROM cohort_membership mm JOIN cohort c ON c.id = mm.cohort_id
                      WHERE c.programme_id = ? GROUP BY mm.person_id) m ON m.person_id = q1.learner_id
                WHERE q1.round_id = ? AND q1.self_rated_at IS NOT NULL AND q1.answers >= ?""";
        Object[] print = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(id), SUM(answers) FROM feedback_request WHERE round_id IN (?, ?)")
                .setParameter(1, first.getId()).setParameter(2, last.getId()).getSingleResult();
        ClosedRounds.Compared kept = closedRounds.get(first, last, print[0] + "/" + print[1] + "/" + print[2],
                () -> compared(both, programme.getId(), first, last));
        Map<Long, Long> cohortCompared = kept.cohortOf();
        Map<Long, Integer> perCohort = new HashMap<>();
        cohortCompared.values().forEach(cohort -> perCohort.merge(cohort, 1, Integer::sum));
        List<ImpactFigures.Totals> totals = kept.totals();
        Map<String, String> dimensions = new LinkedHashMap<>();
        long frameworkId = em.createQuery("SELECT q.frameworkId FROM FeedbackRequest q WHERE q.roundId = :r ORDER BY q.id", Long.class)
                .setParameter("r", last.getId()).setMaxResults(1).getResultStream().findFirst()
                .orElseGet(() -> frameworks.findActive().map(FrameworkView::id).orElse(0L));
        if (frameworkId != 0) {
            frameworks.getFramework(frameworkId).dimensions().forEach(d -> dimensions.put(d.code(), d.name()));
        }
        ImpactFigures.Result figures = ImpactFigures.of(dimensions, cohortNames, perCohort, totals);

        // Beside it: what everyone did, and what the learners compared did.
        Set<Long> comparedIds = cohortCompared.keySet();
        List<Long> members = statusOf.entrySet().stream().filter(e -> e.getValue().isActive()).map(Map.Entry::getKey).toList();
        Map<Long, Integer> sessions = cohortNames.isEmpty() ? Map.of() : coachingActivity.sessionsHeld(cohortNames.keySet());
        Map<Long, MemberActivity.Hours> hours = cohortNames.isEmpty() ? Map.of() : protectedTimeActivity.protectedTime(cohortNames.keySet());
        Map<Long, Integer> lessonsDone = requiredLessonsDone(programme);
        int required = requiredLessons(programme);
        FeedbackPages.Activity everyone = activity(members, statusOf, sessions, hours, lessonsDone, required);
        FeedbackPages.Activity theirs = figures.programme().isShown()
                ? activity(members.stream().filter(comparedIds::contains).toList(), statusOf, sessions, hours, lessonsDone, required) : null;
        String notReady = figures.programme().isShown() ? null
                : "Figures are shown once at least " + ImpactFigures.MIN_LEARNERS + " learners have completed both rounds: "
                + (cohortCompared.isEmpty() ? "none has yet." : cohortCompared.size() == 1 ? "one has so far." : cohortCompared.size() + " have so far.");
        return new FeedbackPages.Impact(programme.getId(), programme.getName(), first.getName(), last.getName(), today, notReady, figures,
                everyone, theirs);
    }

    /** Who completed both rounds (learner to cohort), and their changes added up by cohort and dimension: two statements. */
    private ClosedRounds.Compared compared(String both, long programmeId, FeedbackRound first, FeedbackRound last) {
        @SuppressWarnings("unchecked")
        List<Object[]> compared = em.createNativeQuery("SELECT q1.learner_id, m.cohort_id " + both)
                .setParameter(1, last.getId()).setParameter(2, last.getMinRaters()).setParameter(3, programmeId)
                .setParameter(4, first.getId()).setParameter(5, first.getMinRaters()).getResultList();
        Map<Long, Long> cohortCompared = new HashMap<>();
        for (Object[] row : compared) {
            long cohort = ((Number) row[1]).longValue();
            cohortCompared.put(((Number) row[0]).longValue(), cohort);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("""
                        SELECT m.cohort_id, s1.dimension_code,
                               SUM(CASE WHEN s1.self_count > 0 AND s2.self_count > 0 THEN s2.self_total / s2.self_count - s1.self_total / s1.self_count ELSE 0 END),
                               SUM(CASE WHEN s1.self_count > 0 AND s2.self_count > 0 THEN 1 ELSE 0 END),
                               SUM(CASE WHEN s1.others_count > 0 AND s2.others_count > 0 THEN s2.others_total / s2.others_count - s1.others_total / s1.others_count ELSE 0 END),
                               SUM(CASE WHEN s1.others_count > 0 AND s2.others_count > 0 THEN 1 ELSE 0 END)
                        """ + both.replace("WHERE q1.round_id", """
                        JOIN feedback_score s1 ON s1.request_id = q1.id
                        JOIN feedback_score s2 ON s2.request_id = q2.id AND s2.dimension_code = s1.dimension_code
                        WHERE q1.round_id""") + " GROUP BY m.cohort_id, s1.dimension_code")
                .setParameter(1, last.getId()).setParameter(2, last.getMinRaters()).setParameter(3, programmeId)
                .setParameter(4, first.getId()).setParameter(5, first.getMinRaters()).getResultList();
        List<ImpactFigures.Totals> totals = sums.stream().map(row -> new ImpactFigures.Totals(((Number) row[0]).longValue(), (String) row[1],
                ((Number) row[2]).doubleValue(), ((Number) row[3]).intValue(), ((Number) row[4]).doubleValue(), ((Number) row[5]).intValue())).toList();
        return new ClosedRounds.Compared(Map.copyOf(cohortCompared), totals);
    }

    private FeedbackPages.Impact notReady(Programme programme, List<FeedbackRound> rounds, LocalDate today, String why) {
        return new FeedbackPages.Impact(programme.getId(), programme.getName(), rounds.isEmpty() ? null : rounds.get(0).getName(),
                rounds.size() < 2 ? null : rounds.get(rounds.size() - 1).getName(), today, why, null, null, null);
    }

    private static FeedbackPages.Activity activity(List<Long> people, Map<Long, MembershipStatus> status, Map<Long, Integer> sessions,
                                                   Map<Long, MemberActivity.Hours> hours, Map<Long, Integer> lessons, int required) {
        int completed = 0;
        long done = 0;
        long minutes = 0;
        int held = 0;
        for (long person : people) {
            if (status.get(person) == MembershipStatus.COMPLETED) {
                completed++;
            }
            done += Math.min(required, lessons.getOrDefault(person, 0));
            MemberActivity.Hours mine = hours.get(person);
            minutes += mine == null ? 0 : mine.usedMinutes();
            held += sessions.getOrDefault(person, 0);
        }
        int percent = required == 0 || people.isEmpty() ? 0 : (int) Math.min(100, 100 * done / ((long) required * people.size()));
        return new FeedbackPages.Activity(people.size(), completed, percent, minutes / 60.0, held);
    }

    private int requiredLessons(Programme programme) {
        if (programme.getRequiredModules().isEmpty()) {
            return 0;
        }
        return em.createQuery("""
                        SELECT COUNT(l) FROM LearningModule m JOIN m.lessons l
                        WHERE m.moduleKey IN :keys AND l.active = TRUE AND m.published = TRUE""", Long.class)
                .setParameter("keys", programme.getRequiredModules()).getSingleResult().intValue();
    }

    /** Per member of the programme: required lessons done (one statement). */
    private Map<Long, Integer> requiredLessonsDone(Programme programme) {
        Map<Long, Integer> done = new HashMap<>();
        if (programme.getRequiredModules().isEmpty()) {
            return done;
        }
        List<Long> lessons = em.createQuery("""
                        SELECT l.id FROM LearningModule m JOIN m.lessons l
                        WHERE m.moduleKey IN :keys AND l.active = TRUE AND m.published = TRUE""", Long.class)
                .setParameter("keys", programme.getRequiredModules()).getResultList();
        if (lessons.isEmpty()) {
            return done;
        }
        var query = em.createNativeQuery("""
                SELECT m.person_id, COUNT(*) FROM cohort_membership m
                JOIN lesson_completion c ON c.person_id = m.person_id AND c.lesson_id IN (%s)
                WHERE m.cohort_id IN (SELECT id FROM cohort WHERE programme_id = ?) GROUP BY m.person_id""".formatted(InList.placeholders(lessons.size())));
        List<Object> parameters = new ArrayList<>(lessons);
        parameters.add(programme.getId());
        InList.bind(query, parameters);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> done.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        return done;
    }
}
