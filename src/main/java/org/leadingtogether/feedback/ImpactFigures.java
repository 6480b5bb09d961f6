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

        /**
         * The group's change in one figure, for the table of cohorts on the page and in the PDF: the average of its
         * dimensions' changes in the learners' own ratings, leaving out dimensions without one; "–" when none has one.
         */
        public String selfOverallText() {
            return Change.text(overall(true));
        }

        /** As {@link #selfOverallText()}, from others' ratings. */
        public String othersOverallText() {
            return Change.text(overall(false));
        }

        /** The average of the dimensions' changes that have a value, or {@code null} when none has. */
        Double overall(boolean self) {
            double total = 0;
            int count = 0;
            for (Change change : changes) {
                Double value = self ? change.self() : change.others();
                if (value != null) {
                    total += value;
                    count++;
                }
            }
            return count == 0 ? null : total / count;
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
     * Sums for one cohort and dimension over its learners who completed both rounds: the sum of their changes (last less
     * first) and how many had a value in both, from their own ratings and from others'. The database adds these up (see
     * {@link ProgrammeImpact}), so 5,000 learners come back as a few hundred rows.
     */
    public record Totals(long cohortId, String dimension, double selfChange, int selfLearners, double othersChange, int othersLearners) {
    }

    /**
     * @param dimensions  code to name, in the framework's order
     * @param cohortNames cohort id to name
     */
    public static Result of(Map<String, String> dimensions, Map<Long, String> cohortNames, List<Learner> learners) {
        List<Totals> totals = new ArrayList<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (Learner learner : learners) {
            counts.merge(learner.cohortId(), 1, Integer::sum);
            for (String code : dimensions.keySet()) {
                double[] self = change(learner, code, Score::self);
                double[] others = change(learner, code, Score::others);
                totals.add(new Totals(learner.cohortId(), code, self[0], (int) self[1], others[0], (int) others[1]));
            }
        }
        return of(dimensions, cohortNames, counts, totals);
    }

    /**
     * @param learners how many learners completed both rounds, by cohort
     * @param totals   sums by cohort and dimension (several rows for one cohort and dimension are added up)
     */
    public static Result of(Map<String, String> dimensions, Map<Long, String> cohortNames, Map<Long, Integer> learners, List<Totals> totals) {
        int all = learners.values().stream().mapToInt(Integer::intValue).sum();
        Group programme = group("All learners", dimensions, all, totals);
        List<Group> cohorts = new ArrayList<>();
        int hidden = 0;
        for (Map.Entry<Long, String> cohort : cohortNames.entrySet()) {
            int count = learners.getOrDefault(cohort.getKey(), 0);
            if (count >= MIN_LEARNERS) {
                cohorts.add(group(cohort.getValue(), dimensions, count, totals.stream().filter(t -> t.cohortId() == cohort.getKey()).toList()));
            } else if (count > 0) {
                hidden++;
            }
        }
        return new Result(programme, List.copyOf(cohorts), hidden);
    }

    private static Group group(String name, Map<String, String> dimensions, int learners, List<Totals> totals) {
        if (learners < MIN_LEARNERS) {
            return new Group(name, learners, List.of());
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            double self = 0;
            int selfCount = 0;
            double others = 0;
            int othersCount = 0;
            for (Totals t : totals) {
                if (t.dimension().equals(dimension.getKey())) {
                    self += t.selfChange();
                    selfCount += t.selfLearners();
                    others += t.othersChange();
                    othersCount += t.othersLearners();
                }
            }
            changes.add(new Change(dimension.getKey(), dimension.getValue(),
                    selfCount >= MIN_LEARNERS ? self / selfCount : null, selfCount,
                    othersCount >= MIN_LEARNERS ? others / othersCount : null, othersCount));
        }
        return new Group(name, learners, List.copyOf(changes));
    }

    /** One learner's change in a dimension (last less first) and 1, or 0 and 0 when a round has no value. */
    private static double[] change(Learner learner, String code, Function<Score, Double> value) {
        Score first = learner.first().get(code);
        Score last = learner.last().get(code);
        Double before = first == null ? null : value.apply(first);
        Double after = last == null ? null : value.apply(last);
        return before == null || after == null ? new double[] {0, 0} : new double[] {after - before, 1};
    }
}
