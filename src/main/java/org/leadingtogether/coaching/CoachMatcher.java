package org.leadingtogether.coaching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Ranks coaches for one coachee. Two kinds of rule, kept apart on purpose:
 * <ul>
 *     <li>hard rules, which no fit can outweigh: never the coachee themselves or their line manager, never
 *     someone in the same team of the same organisation, never a coach whose pairing with them ended, never a
 *     coach who is unavailable or full, and never someone from the coachee's own organisation unless both the
 *     coach and the coachee's manager have agreed to it. A coach caught by one is excluded with the reason, never merely ranked
 *     low, so that nobody is talked into a pairing the rules forbid;</li>
 *     <li>soft preferences, weighed by {@link MatchWeights}: a different organisation, the coachee's
 *     profession, the specialisms they asked for, a different sector and spare capacity.</li>
 * </ul>
 *
 * <p>The score is normalised against the most this coachee could score, so a coachee who gave no profession
 * or specialisms can still see 100 for a coach who meets everything they could have asked for; scores are
 * comparable between coaches for one coachee, not between coachees.
 *
 * <p>Reasons describe the fit whatever the weights are, because they tell people what is true about the coach;
 * the weights only decide how much each counts. The matcher holds no state beyond its weights and is safe to
 * share between threads.
 */
public final class CoachMatcher {

    static final String IS_THE_COACHEE = "is the coachee";
    static final String LINE_MANAGER = "is the coachee's line manager";
    static final String PAIRING_ENDED = "pairing ended before";
    static final String SAME_TEAM = "same team";
    static final String OWN_ORGANISATION = "own organisation";
    static final String NOT_TAKING_COACHEES = "not taking coachees";
    static final String NO_FREE_PLACES = "no free places";

    /**
     * Best score first; on a tie the coach with more free places, so work spreads; then by name and id, so the
     * order never depends on the order the coaches came in.
     */
    private static final Comparator<Suggestion> RANKING = Comparator
            .comparingInt(Suggestion::score).reversed()
            .thenComparing(Comparator.comparingInt((Suggestion s) -> s.coach().freePlaces()).reversed())
            .thenComparing(s -> s.coach().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(s -> s.coach().name())
            .thenComparingLong(s -> s.coach().coachId());

    private final MatchWeights weights;

    public CoachMatcher(MatchWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public MatchWeights weights() {
        return weights;
    }

    /**
     * Why this coach cannot be suggested to this coachee, or empty if they can. When several rules apply, the
     * one given is the most lasting: who the coach is to the coachee first, then where they work, then whether
     * they have room today. A manager should not be told "no free places" about someone who could never coach
     * this person anyway.
     */
    public Optional<String> exclusionReason(MatchCoachee coachee, MatchCandidate coach) {
        return Optional.ofNullable(reasonOrNull(coachee, coach));
    }

    /**
     * Every coach who may be suggested, best first (see the class description for the order), each with a
     * score and reasons.
     */
    public List<Suggestion> suggest(MatchCoachee coachee, Collection<MatchCandidate> coaches) {
        Prepared prepared = prepare(coachee);
        List<Suggestion> suggestions = new ArrayList<>(coaches.size());
        for (MatchCandidate coach : coaches) {
            if (reasonOrNull(coachee, coach) == null) {
                suggestions.add(suggestion(prepared, coach));
            }
        }
        suggestions.sort(RANKING);
        return suggestions;
    }

    /** Every coach who may not be suggested, with the reason, in the order the coaches came in. */
    public List<Exclusion> excluded(MatchCoachee coachee, Collection<MatchCandidate> coaches) {
        List<Exclusion> excluded = new ArrayList<>();
        for (MatchCandidate coach : coaches) {
            String reason = reasonOrNull(coachee, coach);
            if (reason != null) {
                excluded.add(new Exclusion(coach, reason));
            }
        }
        return excluded;
    }

    /** The hard rules, without allocating: called for every pair when a whole cohort is assigned. */
    String reasonOrNull(MatchCoachee coachee, MatchCandidate coach) {
        long coachId = coach.coachId();
        if (coachId == coachee.personId()) {
            return IS_THE_COACHEE;
        }
        Long lineManager = coachee.lineManagerId();
        if (lineManager != null && lineManager == coachId) {
            return LINE_MANAGER;
        }
        if (!coachee.endedWithCoachIds().isEmpty() && coachee.endedWithCoachIds().contains(coachId)) {
            return PAIRING_ENDED;
        }
        boolean sameOrganisation = sameOrganisation(coachee, coach);
        if (sameOrganisation && sameTeam(coachee.team(), coach.team())) {
            return SAME_TEAM;
        }
        if (sameOrganisation && !(coach.takesOwnOrganisation() && coachee.managerAllowsOwnOrganisation())) {
            return OWN_ORGANISATION;
        }
        if (!coach.available()) {
            return NOT_TAKING_COACHEES;
        }
        if (coach.freePlaces() <= 0) {
            return NO_FREE_PLACES;
        }
        return null;
    }

    /** The work that depends on the coachee alone, done once however many coaches are weighed. */
    Prepared prepare(MatchCoachee coachee) {
        TreeSet<String> wished = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wished.addAll(coachee.wishedSpecialisms());
        String[] wishedInOrder = wished.toArray(new String[0]);
        double max = weights.differentOrganisation() + weights.capacityHeadroom()
                + weights.specialism() * wishedInOrder.length;
        if (coachee.professionId() != null) {
            max += weights.profession();
        }
        if (coachee.sector() != null) {
            max += weights.sectorDiversity();
        }
        String professionReason = null;
        if (coachee.professionId() != null) {
            String name = coachee.professionName();
            professionReason = name == null || name.isBlank()
                    ? "coaches people in this profession"
                    : "coaches people in " + name.trim().toLowerCase(Locale.UK);
        }
        return new Prepared(coachee, wishedInOrder, max, professionReason);
    }

    /** The score alone, for an eligible coach; what the cohort assignment weighs for every pair. */
    int score(Prepared prepared, MatchCandidate coach) {
        return normalise(prepared, weigh(prepared, coach, null));
    }

    /** The score with its reasons, for an eligible coach. */
    Suggestion suggestion(Prepared prepared, MatchCandidate coach) {
        List<String> reasons = new ArrayList<>(5);
        double achieved = weigh(prepared, coach, reasons);
        return new Suggestion(coach, normalise(prepared, achieved), reasons);
    }

    /**
     * Adds up the soft preferences met, in the same order as {@link #prepare} adds up the most possible, so a
     * coach who meets every preference scores exactly the maximum and shows 100. Reasons are collected only
     * when a list is given, in the order they read best: organisation, profession, specialisms, sector,
     * capacity.
     */
    private double weigh(Prepared prepared, MatchCandidate coach, List<String> reasons) {
        MatchCoachee coachee = prepared.coachee;
        boolean differentOrganisation = !sameOrganisation(coachee, coach);
        Long profession = coachee.professionId();
        boolean knowsProfession = profession != null && coach.professionIds().contains(profession);
        boolean otherSector = coachee.sector() != null && coach.sector() != null
                && coach.sector() != coachee.sector();
        int free = coach.freePlaces();
        int capacity = coach.capacity();
        int matched = 0;
        StringBuilder specialisms = null;
        for (String wish : prepared.wished) {
            if (hasSpecialism(coach, wish)) {
                matched++;
                if (reasons != null) {
                    if (specialisms == null) {
                        specialisms = new StringBuilder(64);
                    } else {
                        specialisms.append(", ");
                    }
                    specialisms.append(wish);
                }
            }
        }

        double achieved = differentOrganisation ? weights.differentOrganisation() : 0;
        achieved += weights.capacityHeadroom() * ((double) free / capacity);
        achieved += weights.specialism() * matched;
        if (knowsProfession) {
            achieved += weights.profession();
        }
        if (otherSector) {
            achieved += weights.sectorDiversity();
        }

        if (reasons != null) {
            reasons.add(differentOrganisation ? "different organisation"
                    : "same organisation, allowed by coach and manager");
            if (knowsProfession) {
                reasons.add(prepared.professionReason);
            }
            if (specialisms != null) {
                reasons.add((matched == 1 ? "specialism asked for: " : "specialisms asked for: ") + specialisms);
            }
            if (otherSector) {
                reasons.add("from another sector (" + coach.sector().getLabel() + ")");
            }
            reasons.add("has capacity: " + free + " of " + capacity
                    + (capacity == 1 ? " place free" : " places free"));
        }
        return achieved;
    }

    private static int normalise(Prepared prepared, double achieved) {
        if (prepared.maxScore <= 0) {
            return 100; // every weight is nought: nothing to prefer, so every eligible coach fits fully
        }
        long score = Math.round(100 * achieved / prepared.maxScore);
        return (int) Math.max(0, Math.min(100, score));
    }

    private static boolean hasSpecialism(MatchCandidate coach, String wish) {
        if (coach.specialisms().contains(wish)) {
            return true;
        }
        for (String offered : coach.specialisms()) {
            if (offered.equalsIgnoreCase(wish)) {
                return true;
            }
        }
        return false;
    }

    /** An organisation id of 0 means "not recorded", which never counts as the same organisation. */
    private static boolean sameOrganisation(MatchCoachee coachee, MatchCandidate coach) {
        return coachee.organisationId() != 0 && coachee.organisationId() == coach.organisationId();
    }

    /** Both teams recorded and the same, ignoring case and surrounding spaces. */
    private static boolean sameTeam(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return false;
        }
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /** A coachee with the per-coachee work done. */
    static final class Prepared {
        final MatchCoachee coachee;
        /** Wished-for specialisms without case-only duplicates, in alphabetical order, for fixed reasons. */
        final String[] wished;
        final double maxScore;
        final String professionReason;

        private Prepared(MatchCoachee coachee, String[] wished, double maxScore, String professionReason) {
            this.coachee = coachee;
            this.wished = wished;
            this.maxScore = maxScore;
            this.professionReason = professionReason;
        }
    }
}
