package org.leadingtogether.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.persistence.InList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds each person's {@link ProgrammeStanding} for the pages outside the cohort dashboard (the learner's home and
 * catalogue, the coach's home and coachee page, the manager's member page), in three statements whatever the number of
 * people: their memberships, their cohorts' required modules with each module's lessons and due date, and their
 * completions of those lessons (the learner's home and catalogue, the busiest pages there are, show a standing). The
 * dashboard counts the same lessons its own way for a whole cohort at once ({@link CohortFigures}), and both read the
 * figure through {@link ProgrammeMeasure} and the pace through {@link PaceRule}. Read inside the caller's transaction;
 * the caller has already checked who may see whom.
 */
@ApplicationScoped
public class ProgrammeStandings {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The person's standing in their current programme (enrolled first, else completed; the latest cohort), if any. */
    public java.util.Optional<ProgrammeStanding> current(long personId) {
        return java.util.Optional.ofNullable(current(List.of(personId)).get(personId));
    }

    /** By person: their standing in their current programme; people in none are left out. */
    public Map<Long, ProgrammeStanding> current(Collection<Long> people) {
        Map<Long, Long> none = new HashMap<>();
        people.forEach(p -> none.put(p, null));
        return of(none);
    }

    /** By person: their standing in the given cohort (a coach's pairing, a manager's cohort); people not in it are left out. */
    public Map<Long, ProgrammeStanding> inCohorts(Map<Long, Long> cohortByPerson) {
        return of(cohortByPerson);
    }

    private Map<Long, ProgrammeStanding> of(Map<Long, Long> cohortByPerson) {
        Map<Long, ProgrammeStanding> standings = new HashMap<>();
        if (cohortByPerson.isEmpty()) {
            return standings;
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));

        // 1. The memberships: the one asked for, or the current one (enrolled before completed, latest cohort first).
        Map<Long, Object[]> chosen = new HashMap<>();
        for (Object[] row : em.createQuery("""
                        SELECT p.id, c.id, c.name, c.startDate, c.endDate, pr.id, pr.name, m.status, m.enrolledAt, p.lastLearningAt
                        FROM CohortMembership m JOIN m.cohort c JOIN c.programme pr JOIN m.person p
                        WHERE p.id IN :people ORDER BY c.startDate DESC, c.id DESC""", Object[].class)
                .setParameter("people", cohortByPerson.keySet()).getResultList()) {
            long person = (Long) row[0];
            Long wanted = cohortByPerson.get(person);
            MembershipStatus status = (MembershipStatus) row[7];
            if (wanted != null) {
                if (wanted.equals(row[1])) {
                    chosen.put(person, row);
                }
            } else if (status.isActive()) {
                Object[] before = chosen.get(person);
                if (before == null || (before[7] != MembershipStatus.ENROLLED && status == MembershipStatus.ENROLLED)) {
                    chosen.put(person, row);
                }
            }
        }
        if (chosen.isEmpty()) {
            return standings;
        }
        Set<Long> programmes = new LinkedHashSet<>();
        Set<Long> cohorts = new LinkedHashSet<>();
        chosen.values().forEach(row -> {
            programmes.add((Long) row[5]);
            cohorts.add((Long) row[1]);
        });

        // 2. Each cohort's required modules (its programme's, published, with their active lessons) and its due dates,
        //    in one statement: a row a cohort and module, with the module's due date in that cohort if it has one.
        Map<Long, List<Object[]>> modulesOf = new HashMap<>();
        for (Object row : InList.bind(em.createNativeQuery("""
                        SELECT c.id, lm.module_key, lm.title, COUNT(l.id), d.due_date FROM cohort c
                        JOIN programme_module pm ON pm.programme_id = c.programme_id
                        JOIN learning_module lm ON lm.module_key = pm.module_key AND lm.published = TRUE
                        JOIN lesson l ON l.module_id = lm.id AND l.active = TRUE
                        LEFT JOIN cohort_module_due d ON d.cohort_id = c.id AND d.module_key = lm.module_key
                        WHERE c.id IN (%s)
                        GROUP BY c.id, lm.module_key, lm.title, lm.id, d.due_date ORDER BY lm.id"""
                        .formatted(InList.placeholders(cohorts.size()))), cohorts).getResultList()) {
            Object[] r = (Object[]) row;
            modulesOf.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>()).add(r);
        }

        // 3. Their completions of lessons in those modules, by person and module.
        Map<String, Integer> done = new HashMap<>();
        List<Object> parameters = new ArrayList<>(chosen.keySet());
        parameters.addAll(programmes);
        for (Object row : InList.bind(em.createNativeQuery("""
                        SELECT c.person_id, lm.module_key, COUNT(*) FROM lesson_completion c
                        JOIN lesson l ON l.id = c.lesson_id AND l.active = TRUE
                        JOIN learning_module lm ON lm.id = l.module_id AND lm.published = TRUE
                        WHERE c.person_id IN (%s)
                          AND lm.module_key IN (SELECT module_key FROM programme_module WHERE programme_id IN (%s))
                        GROUP BY c.person_id, lm.module_key"""
                        .formatted(InList.placeholders(chosen.size()), InList.placeholders(programmes.size()))), parameters).getResultList()) {
            Object[] r = (Object[]) row;
            done.put(((Number) r[0]).longValue() + "/" + r[1], ((Number) r[2]).intValue());
        }

        for (Map.Entry<Long, Object[]> entry : chosen.entrySet()) {
            long person = entry.getKey();
            Object[] m = entry.getValue();
            long cohortId = (Long) m[1];
            MembershipStatus status = (MembershipStatus) m[7];
            List<ProgrammeStanding.RequiredModule> modules = new ArrayList<>();
            int lessonsDone = 0;
            int lessonsRequired = 0;
            for (Object[] module : modulesOf.getOrDefault(cohortId, List.of())) {
                String key = (String) module[1];
                int lessons = ((Number) module[3]).intValue();
                int mine = Math.min(lessons, done.getOrDefault(person + "/" + key, 0));
                lessonsDone += mine;
                lessonsRequired += lessons;
                LocalDate dueDate = module[4] == null ? null : toDate(module[4]);
                boolean overdue = status == MembershipStatus.ENROLLED && dueDate != null && dueDate.isBefore(today) && mine < lessons;
                modules.add(new ProgrammeStanding.RequiredModule(key, (String) module[2], lessons, mine, dueDate, overdue));
            }
            ProgrammeMeasure measure = new ProgrammeMeasure(lessonsDone, lessonsRequired);
            LocalDate start = (LocalDate) m[3];
            LocalDate end = (LocalDate) m[4];
            Instant last = (Instant) m[9];
            String reason = status != MembershipStatus.ENROLLED ? null : PaceRule.atRisk(start, end, today, measure.percent(),
                    last == null ? null : LocalDate.ofInstant(last, ClockProducer.LONDON),
                    LocalDate.ofInstant((Instant) m[8], ClockProducer.LONDON)).orElse(null);
            standings.put(person, new ProgrammeStanding(person, cohortId, (String) m[6], (String) m[2], status, measure,
                    PaceRule.expectedPercent(start, end, today), reason, List.copyOf(modules)));
        }
        return standings;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
