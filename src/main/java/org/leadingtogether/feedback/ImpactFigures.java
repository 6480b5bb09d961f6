package org.leadingtogether.feedback;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A programme's impact as the 360 shows it: for the learners who completed both its first and its last round, the
 * average change per dimension between the two, from their own ratings and from others'. No figure rests on fewer
 * than {@value #MIN_LEARNERS} learners: below that, the programme's figures, a cohort's, or a dimension's are not shown,
 * since a change averaged over two or three people tells a board little and may point at someone. Plain Java, tested
 * alone ({@code ImpactFiguresTest}).
 */
public final class ImpactFigures {

    /** The fewest learners any figure rests on. */
    public static final int MIN_LEARNERS = 5;

    private ImpactFigures() {
    }

    /** Sums and counts of one learner's ratings in one dimension, in one round: their own, and everyone else's. */
    public record Score(long selfTotal, int selfCount, long othersTotal, int othersCount) implements Serializable {

        Double self() {
            return selfCount == 0 ? null : (double) selfTotal / selfCount;
        }

        Double others() {
            return othersCount == 0 ? null : (double) othersTotal / othersCount;
        }
    }

    /** A learner who completed both rounds, with their cohort and their scores by dimension code in each. */
    public record Learner(long personId, long cohortId, Map<String, Score> first, Map<String, Score> last) {
    }

    /** A dimension's average change (last minus first), or {@code null} with fewer than five learners behind it. */
    public record Change(String code, String name, Double self, int selfLearners, Double others, int othersLearners)
            implements Serializable {

        public String selfText() {
            return text(self);
        }

        public String othersText() {
            return text(others);
        }

        private static String text(Double value) {
            return value == null ? "–" : String.format(java.util.Locale.UK, "%+.2f", value);
        }
    }

    /** A group of learners (the programme, or a cohort): its size and its changes, or none when it is too small. */
    public record Group(String name, int learners, List<Change> changes) implements Serializable {

        public boolean isShown() {
            return learners >= MIN_LEARNERS;
        }
    }

    /**
     * @param programme the programme as a whole
     * @param cohorts   each cohort with at least five learners
     * @param hiddenCohorts how many cohorts had one to four learners, not shown on their own
     */
    public record Result(Group programme, List<Group> cohorts, int hiddenCohorts) implements Serializable {
    }

    /**
     * @param dimensions  code to name, in the framework's order
     * @param cohortNames cohort id to name
     */
    public static Result of(Map<String, String> dimensions, Map<Long, String> cohortNames, List<Learner> learners) {
        Group programme = group("All learners", dimensions, learners);
        Map<Long, List<Learner>> byCohort = new LinkedHashMap<>();
        cohortNames.keySet().forEach(id -> byCohort.put(id, new ArrayList<>()));
        learners.forEach(l -> byCohort.computeIfAbsent(l.cohortId(), id -> new ArrayList<>()).add(l));
        List<Group> cohorts = new ArrayList<>();
        int hidden = 0;
        for (Map.Entry<Long, List<Learner>> cohort : byCohort.entrySet()) {
            if (cohort.getValue().size() >= MIN_LEARNERS) {
                cohorts.add(group(cohortNames.getOrDefault(cohort.getKey(), "Cohort"), dimensions, cohort.getValue()));
            } else if (!cohort.getValue().isEmpty()) {
                hidden++;
            }
        }
        return new Result(programme, List.copyOf(cohorts), hidden);
    }

    private static Group group(String name, Map<String, String> dimensions, List<Learner> learners) {
        if (learners.size() < MIN_LEARNERS) {
            return new Group(name, learners.size(), List.of());
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            double[] self = average(learners, dimension.getKey(), Score::self);
            double[] others = average(learners, dimension.getKey(), Score::others);
            changes.add(new Change(dimension.getKey(), dimension.getValue(),
                    self[1] >= MIN_LEARNERS ? self[0] : null, (int) self[1],
                    others[1] >= MIN_LEARNERS ? others[0] : null, (int) others[1]));
        }
        return new Group(name, learners.size(), List.copyOf(changes));
    }

    /** The average of last minus first over the learners with a value in both rounds, and how many they are. */
    private static double[] average(List<Learner> learners, String code, Function<Score, Double> value) {
        double total = 0;
        int count = 0;
        for (Learner learner : learners) {
            Score first = learner.first().get(code);
            Score last = learner.last().get(code);
            Double before = first == null ? null : value.apply(first);
            Double after = last == null ? null : value.apply(last);
            if (before != null && after != null) {
                total += after - before;
                count++;
            }
        }
        return new double[] {count == 0 ? 0 : total / count, count};
    }
}
