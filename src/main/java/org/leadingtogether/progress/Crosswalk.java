package org.leadingtogether.progress;

import org.leadingtogether.framework.FrameworkView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a self-assessment made against an earlier edition of a framework across to the edition that replaces
 * it, through the newer edition's crosswalk. Each element of the newer edition takes the ratings of the earlier
 * elements that lead to it; when several do, their mean, rounded half up to a point of the scale (both editions
 * share the portal's 1 to 4 scale). Elements no earlier element leads to stay unrated: the learner rates those
 * afresh. Nothing is stored: the earlier assessment stays as it was made, and this is worked out when shown.
 */
public final class Crosswalk {

    private Crosswalk() {
    }

    /**
     * @param ratings the earlier assessment's ratings, by element id of the earlier edition
     * @param earlier the earlier edition
     * @param newer   the edition that replaces it, with its crosswalk
     * @return ratings by element id of the newer edition
     */
    public static Map<Long, Integer> carry(Map<Long, Integer> ratings, FrameworkView earlier, FrameworkView newer) {
        Map<String, Integer> byEarlierCode = new HashMap<>();
        earlier.allElements().forEach(e -> {
            Integer rating = ratings.get(e.id());
            if (rating != null) {
                byEarlierCode.put(e.code(), rating);
            }
        });
        Map<String, List<Integer>> byNewerCode = new HashMap<>();
        newer.crosswalk().forEach((from, to) -> {
            Integer rating = byEarlierCode.get(from);
            if (rating != null) {
                to.forEach(code -> byNewerCode.computeIfAbsent(code, c -> new ArrayList<>()).add(rating));
            }
        });
        Map<Long, Integer> carried = new HashMap<>();
        newer.allElements().forEach(e -> {
            List<Integer> sources = byNewerCode.get(e.code());
            if (sources != null && !sources.isEmpty()) {
                double mean = sources.stream().mapToInt(Integer::intValue).average().orElseThrow();
                carried.put(e.id(), (int) Math.floor(mean + 0.5));
            }
        });
        return carried;
    }
}
