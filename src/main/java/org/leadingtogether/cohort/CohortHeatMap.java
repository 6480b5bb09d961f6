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
 * fall on each scale point. One query over the ratings, whatever the size of the cohort.
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
                        FROM self_rating r
                        JOIN self_assessment a ON a.id = r.assessment_id
                        JOIN cohort_membership m ON m.person_id = a.person_id
                        WHERE m.cohort_id = ? AND m.status IN ('ENROLLED', 'COMPLETED') AND a.framework_id = ?
                          AND a.id = (SELECT MAX(b.id) FROM self_assessment b
                                      WHERE b.person_id = a.person_id AND b.framework_id = a.framework_id)
                        GROUP BY r.element_id, r.rating""")
                .setParameter(1, cohort.getId()).setParameter(2, framework.id()).getResultList();
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
