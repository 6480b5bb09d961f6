package org.leadingtogether.feedback;

import jakarta.persistence.EntityManager;
import org.leadingtogether.framework.FrameworkView;

import java.util.Map;

/**
 * The sums kept per 360 and dimension ({@code feedback_score}): the learner's own ratings, replaced when they rate
 * themselves again, and everyone else's, added to as each answer arrives (one update per dimension, safe when two
 * raters answer at once). The programme impact report reads these instead of every rating.
 */
final class Scores {

    private Scores() {
    }

    /** A row per dimension, at nought, when a 360 is opened. */
    static void open(EntityManager em, long requestId, FrameworkView framework) {
        for (FrameworkView.DimensionView dimension : framework.dimensions()) {
            em.createNativeQuery("INSERT INTO feedback_score (request_id, dimension_code) VALUES (?, ?)")
                    .setParameter(1, requestId).setParameter(2, dimension.code()).executeUpdate();
        }
    }

    static void self(EntityManager em, long requestId, FrameworkView framework, Map<String, Integer> ratings) {
        for (FrameworkView.DimensionView dimension : framework.dimensions()) {
            int[] sum = sum(dimension, ratings);
            em.createNativeQuery("UPDATE feedback_score SET self_total = ?, self_count = ? WHERE request_id = ? AND dimension_code = ?")
                    .setParameter(1, sum[0]).setParameter(2, sum[1]).setParameter(3, requestId).setParameter(4, dimension.code())
                    .executeUpdate();
        }
    }

    static void others(EntityManager em, long requestId, FrameworkView framework, Map<String, Integer> ratings) {
        for (FrameworkView.DimensionView dimension : framework.dimensions()) {
            int[] sum = sum(dimension, ratings);
            if (sum[1] > 0) {
                em.createNativeQuery("""
                                UPDATE feedback_score SET others_total = others_total + ?, others_count = others_count + ?
                                WHERE request_id = ? AND dimension_code = ?""")
                        .setParameter(1, sum[0]).setParameter(2, sum[1]).setParameter(3, requestId).setParameter(4, dimension.code())
                        .executeUpdate();
            }
        }
    }

    private static int[] sum(FrameworkView.DimensionView dimension, Map<String, Integer> ratings) {
        int total = 0;
        int count = 0;
        for (FrameworkView.ElementView element : dimension.elements()) {
            Integer rating = ratings.get(element.code());
            if (rating != null) {
                total += rating;
                count++;
            }
        }
        return new int[] {total, count};
    }
}
