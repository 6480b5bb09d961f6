package org.leadingtogether.coaching;

import java.util.Optional;
import java.util.function.Function;

/**
 * How much each soft preference counts when coaches are ranked for a coachee. The hard rules (never the
 * coachee's line manager, never a full coach, and so on) are not weights: they are never traded against a
 * good fit. The weights are configuration rather than code because how much, say, a different sector matters
 * is a judgement for the programme team, and it may change between programmes without a new release.
 *
 * <p>Only the proportions matter: a suggestion's score is normalised against the most a coach could score
 * for that coachee, so doubling every weight changes nothing.
 *
 * @param differentOrganisation counts when the coach works for another organisation, the usual point of
 *                              external coaching: a coachee speaks more freely to someone outside their line
 * @param profession            counts when the coach is comfortable coaching people in the coachee's
 *                              profession
 * @param specialism            counts once for every specialism the coachee wished for that the coach has
 * @param sectorDiversity       counts when the coach's organisation is in a different sector from the
 *                              coachee's, which is how the programme builds links across the system
 * @param capacityHeadroom      scaled by the coach's share of free places, so that lightly loaded coaches rank
 *                              a little higher and the work spreads
 */
public record MatchWeights(double differentOrganisation, double profession, double specialism,
                           double sectorDiversity, double capacityHeadroom) {

    public static final String DIFFERENT_ORGANISATION_KEY = "coaching.weight.different-organisation";
    public static final String PROFESSION_KEY = "coaching.weight.profession";
    public static final String SPECIALISM_KEY = "coaching.weight.specialism";
    public static final String SECTOR_DIVERSITY_KEY = "coaching.weight.sector-diversity";
    public static final String CAPACITY_HEADROOM_KEY = "coaching.weight.capacity-headroom";

    private static final MatchWeights DEFAULTS = new MatchWeights(30, 25, 15, 10, 10);

    /** @throws IllegalArgumentException if a weight is negative, not a number or infinite */
    public MatchWeights {
        check("differentOrganisation", differentOrganisation);
        check("profession", profession);
        check("specialism", specialism);
        check("sectorDiversity", sectorDiversity);
        check("capacityHeadroom", capacityHeadroom);
    }

    /**
     * The weights used when nothing is configured: a coach from another organisation matters most, then one
     * who knows the coachee's profession; each wished-for specialism counts for a little less, and a different
     * sector and spare capacity are pleasant extras.
     */
    public static MatchWeights defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the weights from configuration, taking the default for every key that is missing or blank, so that
     * a programme can change one weight without restating the others.
     *
     * @param lookup gives the configured text for a key, for example from MicroProfile Config
     * @throws IllegalArgumentException naming the key, if a value is not a number or is negative: a typo in
     *                                  configuration should stop start-up rather than quietly rank coaches
     *                                  differently from what the programme team decided
     */
    public static MatchWeights fromProperties(Function<String, Optional<String>> lookup) {
        return new MatchWeights(
                read(lookup, DIFFERENT_ORGANISATION_KEY, DEFAULTS.differentOrganisation),
                read(lookup, PROFESSION_KEY, DEFAULTS.profession),
                read(lookup, SPECIALISM_KEY, DEFAULTS.specialism),
                read(lookup, SECTOR_DIVERSITY_KEY, DEFAULTS.sectorDiversity),
                read(lookup, CAPACITY_HEADROOM_KEY, DEFAULTS.capacityHeadroom));
    }

    private static double read(Function<String, Optional<String>> lookup, String key, double fallback) {
        Optional<String> configured = lookup.apply(key);
        if (configured == null || configured.isEmpty() || configured.get().isBlank()) {
            return fallback;
        }
        String text = configured.get().trim();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of zero or more, not '" + text + "'", e);
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(key + " must be a number of zero or more, not '" + text + "'");
        }
        return value;
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("The " + name + " weight must be a number of zero or more, not "
                    + value);
        }
    }
}
