package org.leadingtogether.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a cohort is made of, and whether one group dominates it. Leading Together cohorts exist to bring
 * professions and organisations together; a cohort that is mostly one profession or one employer loses much of
 * that, and the programme manager is better told while places can still be offered to others.
 */
public final class CohortMix {

    public static final String NOT_RECORDED = "Not recorded";

    /**
     * Below this many members one person moves the shares by a quarter or more, so a warning would say more
     * about the arithmetic than about the cohort: 2 nurses of 3 is not a pattern worth raising.
     */
    static final int SMALLEST_JUDGED = 4;

    private static final Comparator<MixCount> LARGEST_FIRST = Comparator.comparingInt(MixCount::count).reversed()
            .thenComparing(MixCount::label, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(MixCount::label);

    private CohortMix() {
    }

    /**
     * One count per distinct value, largest first and then alphabetically, so the table reads the same on every
     * visit. A missing value is counted as {@link #NOT_RECORDED} rather than dropped, so the counts add up to the
     * members.
     */
    public static List<MixCount> count(Collection<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String value : values) {
            String label = value == null || value.isBlank() ? NOT_RECORDED : value.strip();
            counts.merge(label, 1, Integer::sum);
        }
        List<MixCount> mix = new ArrayList<>();
        counts.forEach((label, count) -> mix.add(new MixCount(label, count)));
        mix.sort(LARGEST_FIRST);
        return List.copyOf(mix);
    }

    /**
     * A warning for each profession and each organisation whose share of the members is strictly greater than
     * {@code threshold}: exactly half is still a mix. {@link #NOT_RECORDED} is never warned about, as it is not
     * a group. Cohorts with fewer than {@value #SMALLEST_JUDGED} members get no warnings: they are too small for
     * a share to mean anything, and an empty cohort has no mix at all.
     *
     * @param members   the members the shares are of (active members, as on the dashboard)
     * @param threshold a share between 0 and 1, such as 0.5
     * @throws IllegalArgumentException if the threshold is not strictly between 0 and 1
     */
    public static List<String> warnings(List<MixCount> professions, List<MixCount> organisations, int members,
                                        double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("The threshold must be a share between 0 and 1, not " + threshold);
        }
        List<String> warnings = new ArrayList<>();
        if (members < SMALLEST_JUDGED) {
            return warnings;
        }
        String share = describe(threshold);
        warn(warnings, professions, members, threshold,
                share + " the cohort is from one profession, so it may lose its multidisciplinary point.");
        warn(warnings, organisations, members, threshold,
                share + " the cohort is from one organisation, so it may lose its point of bringing organisations together.");
        return List.copyOf(warnings);
    }

    private static void warn(List<String> warnings, List<MixCount> groups, int members, double threshold, String why) {
        if (groups == null) {
            return;
        }
        for (MixCount group : groups) {
            // Dividing (rather than multiplying the threshold) keeps "exactly 3 of 5" equal to 0.6, not just above it.
            if (!NOT_RECORDED.equals(group.label()) && (double) group.count() / members > threshold) {
                long percent = Math.round(100.0 * group.count() / members);
                warnings.add(group.label() + " is " + group.count() + " of " + members + " members (" + percent
                        + "%): " + why);
            }
        }
    }

    /** "more than half" reads better than "more than 50%"; any other share is given in per cent. */
    private static String describe(double threshold) {
        if (threshold == 0.5) {
            return "more than half";
        }
        return "more than " + BigDecimal.valueOf(threshold).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
