package org.leadingtogether.cohort;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where a cohort stands against the framework: for each element, how many members' latest self-ratings
 * fall on each point of the scale. Counts only; no names.
 */
public record HeatMap(String framework, List<Integer> scale, List<Row> rows, int membersRated) implements Serializable {

    /** One element and its counts per scale point. */
    public record Row(String dimension, String element, Map<Integer, Integer> counts) implements Serializable {

        public int count(int point) {
            return counts.getOrDefault(point, 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** How dark a cell is, from 0 (none) to 4 (most of those who rated), for the page's shading. */
    public int shade(Row row, int point) {
        int total = row.total();
        return total == 0 ? 0 : (int) Math.ceil(4.0 * row.count(point) / total);
    }
}
