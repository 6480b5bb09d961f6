package org.leadingtogether.cohort;

import jakarta.persistence.EntityManager;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, for each element of the programme's framework, how many active members' latest self-ratings
 * fall on each scale point: the latest assessment of each member is found first (by person), then its
 * ratings are counted, in one query whatever the size of the cohort.
 */
final class CohortHeatMap {

    private final EntityManager em;
    private final FrameworkService frameworks;

    CohortHeatMap(EntityManager em, FrameworkService frameworks) {
        this.em = em;
        this.frameworks = frameworks;
    }

    HeatMap of(Cohort cohort) {
        Long frameworkId = cohort.getProgramme().getFrameworkId();
        FrameworkView framework = frameworkId != null ? frameworks.getFramework(frameworkId) : frameworks.findActive().orElse(null);
        if (framework == null) {
            return new HeatMap("", List.of(), List.of(), 0);
        }
        Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.element_id, r.rating, COUNT(*)
                        FROM (SELECT MAX(a.id) AS id
                              FROM cohort_membership m
                              JOIN self_assessment a ON a.person_id = m.person_id AND a.framework_id = ?
                              WHERE m.cohort_id = ? AND m.status IN ('ENROLLED', 'COMPLETED')
                              GROUP BY m.person_id) latest
                        JOIN self_rating r ON r.assessment_id = latest.id
                        GROUP BY r.element_id, r.rating""")
                .setParameter(1, framework.id()).setParameter(2, cohort.getId()).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).intValue());
        }
        Number rated = (Number) em.createNativeQuery("""
                        SELECT COUNT(DISTINCT a.person_id) FROM self_assessment a
                        JOIN cohort_membership m ON m.person_id = a.person_id
                        WHERE m.cohort_id = ? AND m.status IN ('ENROLLED', 'COMPLETED') AND a.framework_id = ?""")
                .setParameter(1, cohort.getId()).setParameter(2, framework.id()).getSingleResult();
        List<HeatMap.Row> heat = new ArrayList<>();
        for (FrameworkView.DimensionView dimension : framework.dimensions()) {
            for (FrameworkView.ElementView element : dimension.elements()) {
                heat.add(new HeatMap.Row(dimension.name(), element.name(), counts.getOrDefault(element.id(), Map.of())));
            }
        }
        return new HeatMap(framework.title(), framework.scale().stream().map(FrameworkView.Scale::value).toList(), heat, rated.intValue());
    }
}
