package org.leadingtogether.cohort;

import jakarta.persistence.EntityManager;
import org.leadingtogether.directory.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link CohortDashboard} with four queries whatever the size of the cohort: the members, the
 * required lessons per module, completions per member and required module, last activity per member,
 * and nothing per member beyond that. Completion is counted from lesson completions at this moment, so
 * the dashboard is current the moment a lesson is done.
 */
final class CohortFigures {

    /** Share of a cohort above which one profession or organisation is said to dominate. */
    static final double DOMINANCE_THRESHOLD = 0.5;

    private final EntityManager em;

    CohortFigures(EntityManager em) {
        this.em = em;
    }

    /** A DATETIME column read by plain JDBC: its wall time is UTC (see InstantConverter). */
    static Instant utc(Object value) {
        if (value == null) {
            return null;
        }
        java.time.LocalDateTime wall = value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime()
                : (java.time.LocalDateTime) value;
        return wall.toInstant(java.time.ZoneOffset.UTC);
    }

    CohortDashboard dashboard(Cohort cohort, LocalDate today, double dominanceThreshold) {
        Programme programme = cohort.getProgramme();
        Collection<String> required = programme.getRequiredModules().isEmpty() ? List.of("") : programme.getRequiredModules();

        List<Object[]> members = em.createQuery("""
                        SELECT p.id, p.givenName, p.familyName, p.email, pr.name, o.name, o.sector, m.status, m.enrolledAt
                        FROM CohortMembership m JOIN m.person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE m.cohort = :c ORDER BY p.familyName, p.givenName, p.id""", Object[].class)
                .setParameter("c", cohort).getResultList();

        Map<String, Object[]> modules = new HashMap<>();
        em.createQuery("""
                        SELECT m.moduleKey, m.title, COUNT(l) FROM LearningModule m JOIN m.lessons l
                        WHERE m.moduleKey IN :keys AND l.active = TRUE AND m.published = TRUE GROUP BY m.moduleKey, m.title""", Object[].class)
                .setParameter("keys", required).getResultList()
                .forEach(row -> modules.put((String) row[0], row));

        // Native SQL from the cohort's memberships outwards: MariaDB then walks the completions of these
        // members only (by their person index) instead of every completion of every lesson.
        Map<Long, Map<String, Integer>> done = new HashMap<>();
        List<String> keys = List.copyOf(required);
        var completions = em.createNativeQuery("""
                        SELECT m.person_id, lm.module_key, COUNT(*)
                        FROM cohort_membership m
                        JOIN lesson_completion c ON c.person_id = m.person_id
                        JOIN lesson l ON l.id = c.lesson_id AND l.active = TRUE
                        JOIN learning_module lm ON lm.id = l.module_id
                        WHERE m.cohort_id = ? AND lm.module_key IN (%s)
                        GROUP BY m.person_id, lm.module_key""".formatted(String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))))
                .setParameter(1, cohort.getId());
        for (int i = 0; i < keys.size(); i++) {
            completions.setParameter(i + 2, keys.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> completed = completions.getResultList();
        completed.forEach(row -> done.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashMap<>())
                .put((String) row[1], ((Number) row[2]).intValue()));

        // Native SQL too: an aggregate of a converted column does not come back through the converter.
        Map<Long, Instant> lastActivity = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("""
                        SELECT m.person_id, MAX(c.completed_at)
                        FROM cohort_membership m JOIN lesson_completion c ON c.person_id = m.person_id
                        WHERE m.cohort_id = ?
                        GROUP BY m.person_id""")
                .setParameter(1, cohort.getId()).getResultList();
        latest.forEach(row -> lastActivity.put(((Number) row[0]).longValue(), utc(row[1])));

        int lessonsRequired = modules.values().stream().mapToInt(row -> ((Number) row[2]).intValue()).sum();
        int modulesRequired = modules.size();
        double hours = programme.getEntitlementHours() == null ? 0 : programme.getEntitlementHours().doubleValue();

        List<CohortDashboard.MemberRow> rows = new ArrayList<>();
        List<CohortDashboard.AtRisk> atRisk = new ArrayList<>();
        List<String> professions = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        List<String> organisations = new ArrayList<>();
        Map<String, Integer> completedPerModule = new HashMap<>();
        for (Object[] m : members) {
            long personId = (Long) m[0];
            String name = m[1] + " " + m[2];
            MembershipStatus status = (MembershipStatus) m[7];
            Map<String, Integer> mine = done.getOrDefault(personId, Map.of());
            int lessonsDone = 0;
            int modulesCompleted = 0;
            for (Object[] module : modules.values()) {
                String key = (String) module[0];
                int count = Math.min(mine.getOrDefault(key, 0), ((Number) module[2]).intValue());
                lessonsDone += count;
                if (count >= ((Number) module[2]).intValue()) {
                    modulesCompleted++;
                    if (status.isActive()) {
                        completedPerModule.merge(key, 1, Integer::sum);
                    }
                }
            }
            Instant last = lastActivity.get(personId);
            CohortDashboard.MemberRow row = new CohortDashboard.MemberRow(personId, name, (String) m[3], (String) m[4],
                    (String) m[5], m[6] == null ? null : ((Sector) m[6]).getLabel(), status, modulesCompleted, modulesRequired,
                    lessonsDone, lessonsRequired, 0, programme.getCoachingSessions(), 0, hours, last);
            rows.add(row);
            if (status == MembershipStatus.ENROLLED) {
                Optional<String> reason = PaceRule.atRisk(cohort.getStartDate(), cohort.getEndDate(), today, row.percent(),
                        last == null ? null : LocalDate.ofInstant(last, org.leadingtogether.platform.ClockProducer.LONDON),
                        LocalDate.ofInstant((Instant) m[8], org.leadingtogether.platform.ClockProducer.LONDON));
                reason.ifPresent(r -> atRisk.add(new CohortDashboard.AtRisk(personId, name, r)));
            }
            if (status.isActive()) {
                professions.add((String) m[4]);
                sectors.add(row.sector());
                organisations.add((String) m[5]);
            }
        }
        int active = professions.size();
        List<CohortDashboard.ModuleCompletion> moduleRows = programme.getRequiredModules().stream()
                .filter(modules::containsKey)
                .map(key -> new CohortDashboard.ModuleCompletion(key, (String) modules.get(key)[1],
                        completedPerModule.getOrDefault(key, 0), active))
                .toList();
        List<MixCount> professionMix = CohortMix.count(professions);
        List<MixCount> organisationMix = CohortMix.count(organisations);
        CohortDashboard.Mix mix = new CohortDashboard.Mix(professionMix, CohortMix.count(sectors), organisationMix,
                CohortMix.warnings(professionMix, organisationMix, active, dominanceThreshold));
        return new CohortDashboard(cohort.getId(), programme.getName(), cohort.getName(), cohort.getStartDate(),
                cohort.getEndDate(), cohort.getCapacity(), today, rows, moduleRows, atRisk, mix);
    }
}
