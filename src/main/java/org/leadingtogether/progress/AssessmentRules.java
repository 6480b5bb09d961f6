package org.leadingtogether.progress;

import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.BusinessException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a self-assessment must be: ratings only for elements of the framework being used, each a point of
 * its scale, at least one of them; notes within their length. Elements left unrated are simply not rated.
 */
public final class AssessmentRules {

    private AssessmentRules() {
    }

    /** The ratings to keep (unrated elements dropped); throws a message naming what is wrong. */
    public static Map<Long, Integer> check(FrameworkView framework, Map<Long, Integer> ratings, String strengths, String toDevelop) {
        Set<Long> elements = framework.allElements().stream().map(FrameworkView.ElementView::id).collect(Collectors.toSet());
        Set<Integer> scale = framework.scale().stream().map(FrameworkView.Scale::value).collect(Collectors.toSet());
        Map<Long, Integer> kept = new HashMap<>();
        ratings.forEach((element, rating) -> {
            if (rating == null) {
                return;
            }
            if (!elements.contains(element)) {
                throw new BusinessException("That element is not part of " + framework.title() + ".");
            }
            if (!scale.contains(rating)) {
                throw new BusinessException("Ratings go from " + framework.minScale() + " to " + framework.maxScale() + ".");
            }
            kept.put(element, rating);
        });
        if (kept.isEmpty()) {
            throw new BusinessException("Rate yourself on at least one element before saving.");
        }
        if (strengths != null && strengths.length() > SelfAssessment.NOTES_MAX) {
            throw new BusinessException("strengths", "Keep this to " + SelfAssessment.NOTES_MAX + " characters or fewer.");
        }
        if (toDevelop != null && toDevelop.length() > SelfAssessment.NOTES_MAX) {
            throw new BusinessException("toDevelop", "Keep this to " + SelfAssessment.NOTES_MAX + " characters or fewer.");
        }
        return kept;
    }

    /** The average rating of a dimension's rated elements, to one decimal place; 0 when none is rated. */
    public static double dimensionAverage(FrameworkView.DimensionView dimension, Map<Long, Integer> ratings) {
        return Math.round(10 * dimension.elements().stream()
                .map(e -> ratings.get(e.id())).filter(r -> r != null)
                .mapToInt(Integer::intValue).average().orElse(0)) / 10.0;
    }

    /** Evidence for a dimension: completed lessons counted once per element of the dimension they develop. */
    public static int dimensionEvidence(FrameworkView.DimensionView dimension, Map<String, Integer> evidenceByElement) {
        return dimension.elements().stream().mapToInt(e -> evidenceByElement.getOrDefault(e.code(), 0)).sum();
    }

    static Map<Long, Integer> copy(Map<Long, Integer> ratings) {
        return new HashMap<>(ratings);
    }
}
