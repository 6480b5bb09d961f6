package org.leadingtogether.cohort;

import jakarta.persistence.EntityManager;
import org.leadingtogether.directory.Sector;
import org.leadingtogether.platform.ClockProducer;

import org.leadingtogether.platform.persistence.InList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link CohortDashboard}, and the {@link ProgrammeReport} over all of a programme's cohorts, with
 * five queries whatever the number of members: the required lessons per module, the members, one pass over
 * their completions, and coaching sessions held and protected time as the coaching and booking features count them
 * ({@link MemberActivity}); nothing per member beyond that. Completion
 * is counted from lesson completions at this moment, so
 * the dashboard is current the moment a lesson is done.
 */
final class CohortFigures {

    /** Share of a cohort above which one profession or organisation is said to dominate. */
    static final double DOMINANCE_THRESHOLD = 0.5;

    private final EntityManager em;
    private final MemberActivity.Coaching coaching;
    private final MemberActivity.ProtectedTime protectedHours;

    CohortFigures(EntityManager em, MemberActivity.Coaching coaching, MemberActivity.ProtectedTime protectedHours) {
        this.em = em;
        this.coaching = coaching;
        this.protectedHours = protectedHours;
    }

    /** Where the members come from: one cohort, or every cohort of a programme. */
    private record Scope(String jpql, String sql, long id) {

        static Scope cohort(long cohortId) {
            return new Scope("m.cohort.id = :id", "m.cohort_id = ?", cohortId);
        }

        static Scope programme(long programmeId) {
            return new Scope("c.programme.id = :id", "m.cohort_id IN (SELECT id FROM cohort WHERE programme_id = ?)", programmeId);
        }
    }

    /** One member's figures: the cohort they are in, the required modules they have finished and, if behind, why. */
    record Figures(long cohortId, CohortDashboard.MemberRow row, Set<String> modulesDone, String atRiskReason) {
    }

    /** The required modules that are published, by key: key, title, number of active lessons, their ids. */
    private Map<String, Object[]> requiredModules(Programme programme) {
        Collection<String> required = programme.getRequiredModules().isEmpty() ? List.of("") : programme.getRequiredModules();
        Map<String, Object[]> modules = new HashMap<>();
        em.createQuery("""
                        SELECT m.moduleKey, m.title, l.id FROM LearningModule m JOIN m.lessons l
                        WHERE m.moduleKey IN :keys AND l.active = TRUE AND m.published = TRUE""", Object[].class)
                .setParameter("keys", required).getResultList()
                .forEach(row -> {
                    Object[] module = modules.computeIfAbsent((String) row[0], key -> new Object[] {key, row[1], 0, new ArrayList<Long>()});
                    module[2] = (Integer) module[2] + 1;
                    @SuppressWarnings("unchecked")
                    List<Long> ids = (List<Long>) module[3];
                    ids.add((Long) row[2]);
                });
        return modules;
    }

    /**
     * Every member in the scope with their figures, in four queries whatever their number: the members (with
     * their last learning activity), one pass over their completions of required lessons, coaching sessions
     * held, protected time.
     */
    private List<Figures> members(Programme programme, Map<String, Object[]> modules, Scope scope, LocalDate today) {
        List<Object[]> members = em.createQuery("""
                        SELECT p.id, p.givenName, p.familyName, p.email, pr.name, o.name, o.sector, m.status, m.enrolledAt,
                               c.id, c.startDate, c.endDate, p.lastLearningAt
                        FROM CohortMembership m JOIN m.cohort c JOIN m.person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE %s ORDER BY c.startDate, c.name, c.id, p.familyName, p.givenName, p.id""".formatted(scope.jpql()), Object[].class)
                .setParameter("id", scope.id()).getResultList();

        // Lessons done per member and required module, in one pass over these members' completions of the
        // required lessons only (native SQL from the memberships outwards, by the completions' person and lesson
        // index). Last activity is kept on the person as it happens (see LearningService.noteLearning).
        List<String> keys = List.copyOf(modules.keySet());
        Map<Long, Map<String, Integer>> done = new HashMap<>();
        List<Long> allLessons = new ArrayList<>();
        StringBuilder perModule = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (String key : keys) {
            @SuppressWarnings("unchecked")
            List<Long> ids = (List<Long>) modules.get(key)[3];
            perModule.append(", SUM(CASE WHEN c.lesson_id IN (").append(InList.placeholders(ids.size())).append(") THEN 1 ELSE 0 END)");
            parameters.addAll(ids);
            allLessons.addAll(ids);
        }
        if (!allLessons.isEmpty()) {
            parameters.addAll(allLessons);
            parameters.add(scope.id());
            var completions = em.createNativeQuery("""
                            SELECT m.person_id%s
                            FROM cohort_membership m
                            JOIN lesson_completion c ON c.person_id = m.person_id AND c.lesson_id IN (%s)
                            WHERE %s
                            GROUP BY m.person_id""".formatted(perModule, InList.placeholders(allLessons.size()), scope.sql()));
            InList.bind(completions, parameters);
            @SuppressWarnings("unchecked")
            List<Object[]> completed = completions.getResultList();
            for (Object[] row : completed) {
                Map<String, Integer> mine = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    mine.put(keys.get(i), row[i + 1] == null ? 0 : ((Number) row[i + 1]).intValue());
                }
                done.put(((Number) row[0]).longValue(), mine);
            }
        }

        // Coaching sessions held and protected time, as the coaching and booking features count them for these cohorts.
        List<Long> cohortIds = members.stream().map(m -> (Long) m[9]).distinct().toList();
        Map<Long, Integer> coachingHeld = cohortIds.isEmpty() ? Map.of() : coaching.sessionsHeld(cohortIds);
        Map<Long, MemberActivity.Hours> protectedTime = cohortIds.isEmpty() ? Map.of() : protectedHours.protectedTime(cohortIds);

        int lessonsRequired = modules.values().stream().mapToInt(row -> ((Number) row[2]).intValue()).sum();
        int modulesRequired = modules.size();
        double hours = programme.getEntitlementHours() == null ? 0 : programme.getEntitlementHours().doubleValue();
        List<Figures> figures = new ArrayList<>(members.size());
        for (Object[] m : members) {
            long personId = (Long) m[0];
            MembershipStatus status = (MembershipStatus) m[7];
            Map<String, Integer> mine = done.getOrDefault(personId, Map.of());
            int lessonsDone = 0;
            Set<String> modulesDone = new HashSet<>();
            for (Object[] module : modules.values()) {
                int lessons = ((Number) module[2]).intValue();
                int count = Math.min(mine.getOrDefault((String) module[0], 0), lessons);
                lessonsDone += count;
                if (count >= lessons) {
                    modulesDone.add((String) module[0]);
                }
            }
            Instant last = (Instant) m[12];
            CohortDashboard.MemberRow row = new CohortDashboard.MemberRow(personId, m[1] + " " + m[2], (String) m[3],
                    (String) m[4], (String) m[5], m[6] == null ? null : ((Sector) m[6]).getLabel(), status, modulesDone.size(),
                    modulesRequired, lessonsDone, lessonsRequired, coachingHeld.getOrDefault(personId, 0), programme.getCoachingSessions(),
                    usedHours(protectedTime.get(personId)), EntitlementPeriod.entitledToDate(programme.getEntitlementPeriod(), hours,
                            (LocalDate) m[10], (LocalDate) m[11], today), last,
                    protectedTime.containsKey(personId) ? protectedTime.get(personId).overEntitlement() : 0);
            String reason = null;
            if (status == MembershipStatus.ENROLLED) {
                reason = PaceRule.atRisk((LocalDate) m[10], (LocalDate) m[11], today, row.percent(),
                        last == null ? null : LocalDate.ofInstant(last, ClockProducer.LONDON),
                        LocalDate.ofInstant((Instant) m[8], ClockProducer.LONDON)).orElse(null);
            }
            figures.add(new Figures((Long) m[9], row, modulesDone, reason));
        }
        return figures;
    }

    /** Minutes confirmed as used, as hours to one decimal place. */
    private static double usedHours(MemberActivity.Hours hours) {
        return hours == null ? 0 : Math.round(hours.usedMinutes() / 6.0) / 10.0;
    }

    CohortDashboard dashboard(Cohort cohort, LocalDate today, double dominanceThreshold) {
        Programme programme = cohort.getProgramme();
        Map<String, Object[]> modules = requiredModules(programme);
        List<Figures> figures = members(programme, modules, Scope.cohort(cohort.getId()), today);
        List<CohortDashboard.MemberRow> rows = figures.stream().map(Figures::row).toList();
        List<CohortDashboard.AtRisk> atRisk = figures.stream().filter(f -> f.atRiskReason() != null)
                .map(f -> new CohortDashboard.AtRisk(f.row().personId(), f.row().name(), f.atRiskReason())).toList();
        return new CohortDashboard(cohort.getId(), programme.getName(), cohort.getName(), cohort.getStartDate(),
                cohort.getEndDate(), cohort.getCapacity(), today, rows, moduleCompletion(programme, modules, figures), atRisk,
                mix(rows, dominanceThreshold));
    }

    /**
     * The programme-wide report: every cohort's figures from one pass over all the programme's members, so the
     * number of queries is the same for 50 members or 5,000.
     */
    /** A cohort of the programme as the report needs it. */
    record CohortRef(long id, String name, LocalDate start, LocalDate end, int capacity) {
    }

    ProgrammeReport programmeReport(Programme programme, List<CohortRef> cohorts, LocalDate today, double dominanceThreshold) {
        Map<String, Object[]> modules = requiredModules(programme);
        List<Figures> figures = members(programme, modules, Scope.programme(programme.getId()), today);
        Map<Long, List<Figures>> byCohort = new HashMap<>();
        figures.forEach(f -> byCohort.computeIfAbsent(f.cohortId(), id -> new ArrayList<>()).add(f));
        List<ProgrammeReport.CohortLine> lines = new ArrayList<>();
        for (CohortRef cohort : cohorts) {
            List<Figures> members = byCohort.getOrDefault(cohort.id(), List.of());
            lines.add(ProgrammeReport.CohortLine.of(cohort.id(), cohort.name(), cohort.start(), cohort.end(),
                    cohort.capacity(), members.stream().map(Figures::row).toList(),
                    (int) members.stream().filter(f -> f.atRiskReason() != null).count()));
        }
        List<CohortDashboard.MemberRow> rows = figures.stream().map(Figures::row).toList();
        return new ProgrammeReport(programme.getId(), programme.getName(), programme.getStartDate(), programme.getEndDate(),
                today, lines, ProgrammeReport.CohortLine.of(0, "Whole programme", programme.getStartDate(),
                programme.getEndDate(), cohorts.stream().mapToInt(CohortRef::capacity).sum(), rows,
                (int) figures.stream().filter(f -> f.atRiskReason() != null).count()),
                moduleCompletion(programme, modules, figures), mix(rows, dominanceThreshold));
    }

    /** How many active members finished each required module, in the programme's order. */
    private static List<CohortDashboard.ModuleCompletion> moduleCompletion(Programme programme, Map<String, Object[]> modules,
                                                                           List<Figures> figures) {
        Map<String, Integer> completed = new HashMap<>();
        int active = 0;
        for (Figures f : figures) {
            if (f.row().status().isActive()) {
                active++;
                f.modulesDone().forEach(key -> completed.merge(key, 1, Integer::sum));
            }
        }
        int members = active;
        return programme.getRequiredModules().stream()
                .filter(modules::containsKey)
                .map(key -> new CohortDashboard.ModuleCompletion(key, (String) modules.get(key)[1],
                        completed.getOrDefault(key, 0), members))
                .toList();
    }


    /** Counts by profession, sector and organisation of the members who take up a place, with warnings. */
    private static CohortDashboard.Mix mix(List<CohortDashboard.MemberRow> rows, double dominanceThreshold) {
        List<String> professions = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        List<String> organisations = new ArrayList<>();
        for (CohortDashboard.MemberRow row : rows) {
            if (row.status().isActive()) {
                professions.add(row.profession());
                sectors.add(row.sector());
                organisations.add(row.organisation());
            }
        }
        List<MixCount> professionMix = CohortMix.count(professions);
        List<MixCount> organisationMix = CohortMix.count(organisations);
        return new CohortDashboard.Mix(professionMix, CohortMix.count(sectors), organisationMix,
                CohortMix.warnings(professionMix, organisationMix, professions.size(), dominanceThreshold));
    }
}
