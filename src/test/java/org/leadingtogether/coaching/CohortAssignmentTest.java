package org.leadingtogether.coaching;

import org.junit.jupiter.api.Test;
import org.leadingtogether.directory.Sector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortAssignmentTest {

    private static final CoachMatcher DEFAULT = new CoachMatcher(MatchWeights.defaults());
    /** Only the specialisms count, so scores are easy to work out by hand: each wish met is a share of 100. */
    private static final CoachMatcher SPECIALISMS_ONLY = new CoachMatcher(new MatchWeights(0, 0, 1, 0, 0));
    /** Only the profession counts: a coach who knows it scores 100, any other 0. */
    private static final CoachMatcher PROFESSION_ONLY = new CoachMatcher(new MatchWeights(0, 100, 0, 0, 0));

    private static MatchCoachee coachee(long id, long organisation, Long lineManager, Long profession,
                                        String... wishes) {
        return new MatchCoachee(id, organisation, Sector.NHS_TRUST, null, profession, "Nursing", lineManager,
                Set.of(wishes), Set.of(), false);
    }

    private static MatchCandidate coach(long id, long organisation, int freePlaces, Set<Long> professions,
                                        String... specialisms) {
        return new MatchCandidate(id, "Coach " + id, organisation, null, Sector.LOCAL_AUTHORITY, null,
                professions, Set.of(specialisms), freePlaces + 1, 1, false, true);
    }

    private static String[] wishes(int from, int count) {
        String[] wishes = new String[count];
        for (int i = 0; i < count; i++) {
            wishes[i] = "topic " + (from + i);
        }
        return wishes;
    }

    private static long coachOf(CohortAssignment.Result result, long coacheeId) {
        Suggestion suggestion = result.byCoacheeId().get(coacheeId);
        return suggestion == null ? -1 : suggestion.coach().coachId();
    }

    /** What first-come-first-served would do: each coachee in turn takes the best coach still free. */
    private static Map<Long, Long> greedy(List<MatchCoachee> coachees, List<MatchCandidate> coaches,
                                          CoachMatcher matcher) {
        Map<Long, Integer> left = new HashMap<>();
        coaches.forEach(c -> left.put(c.coachId(), c.freePlaces()));
        Map<Long, Long> pairs = new HashMap<>();
        for (MatchCoachee coachee : coachees) {
            List<MatchCandidate> open = coaches.stream().filter(c -> left.get(c.coachId()) > 0).toList();
            List<Suggestion> ranked = matcher.suggest(coachee, open);
            if (!ranked.isEmpty()) {
                long chosen = ranked.get(0).coach().coachId();
                left.merge(chosen, -1, Integer::sum);
                pairs.put(coachee.personId(), chosen);
            }
        }
        return pairs;
    }

    @Test
    void theCoachWhoAloneFitsSomeoneIsKeptForThemWhereGreedyWouldStrandThem() {
        // A fits X a shade better than Y; Y is B's line manager, so B can only have X. One place each.
        MatchCandidate x = coach(10, 900, 1, Set.of(7L), "resilience");
        MatchCandidate y = coach(11, 900, 1, Set.of(7L));
        MatchCoachee a = coachee(1, 100, null, 7L, "resilience");
        MatchCoachee b = coachee(2, 100, 11L, 7L);
        List<MatchCoachee> cohort = List.of(a, b);
        List<MatchCandidate> coaches = List.of(x, y);

        Map<Long, Long> greedy = greedy(cohort, coaches, DEFAULT);
        assertEquals(Map.of(1L, 10L), greedy, "greedy gives X to A and strands B");

        CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, DEFAULT);
        assertEquals(11L, coachOf(result, 1));
        assertEquals(10L, coachOf(result, 2));
        assertEquals(List.of(), result.unassignedCoacheeIds());
        assertEquals(result.byCoacheeId().get(1L).score() + result.byCoacheeId().get(2L).score(),
                result.totalScore());
    }

    @Test
    void theBestTotalIsFoundWhereGreedyWouldPairPoorly() {
        // A: X meets 6 of 10 wishes (60), Y meets 5 (50). B: X meets all 10 (100), Y none (0).
        MatchCoachee a = coachee(1, 100, null, null, wishes(0, 10));
        MatchCoachee b = coachee(2, 100, null, null, wishes(10, 10));
        String[] xOffers = new String[16];
        System.arraycopy(wishes(0, 6), 0, xOffers, 0, 6);
        System.arraycopy(wishes(10, 10), 0, xOffers, 6, 10);
        MatchCandidate x = coach(10, 900, 1, Set.of(), xOffers);
        MatchCandidate y = coach(11, 900, 1, Set.of(), wishes(5, 5));
        List<MatchCoachee> cohort = List.of(a, b);
        List<MatchCandidate> coaches = List.of(x, y);

        assertEquals(Map.of(1L, 10L, 2L, 11L), greedy(cohort, coaches, SPECIALISMS_ONLY), "greedy: 60 + 0");

        CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, SPECIALISMS_ONLY);
        assertEquals(11L, coachOf(result, 1));
        assertEquals(10L, coachOf(result, 2));
        assertEquals(150, result.totalScore());
        assertEquals(50, result.byCoacheeId().get(1L).score());
        assertEquals(100, result.byCoacheeId().get(2L).score());
    }

    @Test
    void moreCoacheesPairedBeatsAHigherTotalScore() {
        // A scores 100 with X and 0 with Y; B can only have X and scores 0 with X. One place each.
        MatchCandidate x = coach(10, 900, 1, Set.of(7L));
        MatchCandidate y = coach(11, 900, 1, Set.of());
        MatchCoachee a = coachee(1, 100, null, 7L);
        MatchCoachee b = coachee(2, 100, 11L, 8L);

        CohortAssignment.Result result = CohortAssignment.assign(List.of(a, b), List.of(x, y), PROFESSION_ONLY);
        assertEquals(2, result.byCoacheeId().size(), "two pairings with a total of 0 beat one with 100");
        assertEquals(11L, coachOf(result, 1));
        assertEquals(10L, coachOf(result, 2));
        assertEquals(0, result.totalScore());
    }

    @Test
    void noCoachIsGivenMoreThanTheirFreePlaces() {
        List<MatchCoachee> cohort = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            cohort.add(coachee(i, 100, null, 7L, "resilience"));
        }
        List<MatchCandidate> coaches = List.of(
                coach(1001, 900, 4, Set.of(7L), "resilience"),
                coach(1002, 901, 2, Set.of(7L)),
                coach(1003, 902, 1, Set.of()),
                coach(1004, 903, 0, Set.of(7L), "resilience"));

        CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, DEFAULT);
        Map<Long, Integer> given = countByCoach(result);
        assertEquals(4, given.get(1001L));
        assertEquals(2, given.get(1002L));
        assertEquals(1, given.get(1003L));
        assertNull(given.get(1004L), "a full coach is given nobody");
        assertEquals(7, result.byCoacheeId().size());
        assertEquals(23, result.unassignedCoacheeIds().size());
        Set<Long> everyone = new HashSet<>(result.byCoacheeId().keySet());
        everyone.addAll(result.unassignedCoacheeIds());
        assertEquals(30, everyone.size(), "every coachee is either paired or listed as unpaired");
    }

    @Test
    void equallyGoodCoachesShareTheCohortRatherThanOneTakingAll() {
        List<MatchCoachee> cohort = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            cohort.add(coachee(i, 100, null, 7L));
        }
        // Same sector, professions and share of free places: every pairing scores the same.
        List<MatchCandidate> coaches = List.of(coach(1001, 900, 4, Set.of(7L)), coach(1002, 901, 4, Set.of(7L)));
        CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, DEFAULT);
        assertEquals(Map.of(1001L, 2, 1002L, 2), countByCoach(result));
    }

    @Test
    void coacheesWithNoEligibleCoachAreListedAsUnassigned() {
        MatchCandidate only = coach(10, 900, 5, Set.of());
        MatchCoachee managedByTheCoach = coachee(3, 100, 10L, null);
        MatchCoachee sameOrganisation = coachee(1, 900, null, null);
        MatchCoachee fine = coachee(2, 100, null, null);
        MatchCoachee endedBefore = new MatchCoachee(4, 100, null, null, null, null, null, Set.of(), Set.of(10L),
                true);

        CohortAssignment.Result result = CohortAssignment.assign(
                List.of(managedByTheCoach, sameOrganisation, fine, endedBefore), List.of(only), DEFAULT);
        assertEquals(Set.of(2L), result.byCoacheeId().keySet());
        assertEquals(List.of(1L, 3L, 4L), result.unassignedCoacheeIds(), "in id order");
    }

    @Test
    void anEmptyCohortOrNoCoachesIsHandled() {
        CohortAssignment.Result none = CohortAssignment.assign(List.of(), List.of(coach(10, 900, 1, Set.of())),
                DEFAULT);
        assertTrue(none.byCoacheeId().isEmpty());
        assertTrue(none.unassignedCoacheeIds().isEmpty());
        assertEquals(0, none.totalScore());

        CohortAssignment.Result noCoaches = CohortAssignment.assign(
                List.of(coachee(2, 100, null, null), coachee(1, 100, null, null)), List.of(), DEFAULT);
        assertEquals(List.of(1L, 2L), noCoaches.unassignedCoacheeIds());
    }

    @Test
    void aPersonListedTwiceIsRefused() {
        MatchCandidate x = coach(10, 900, 1, Set.of());
        assertThrows(IllegalArgumentException.class, () -> CohortAssignment.assign(
                List.of(coachee(1, 100, null, null), coachee(1, 100, null, null)), List.of(x), DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> CohortAssignment.assign(
                List.of(coachee(1, 100, null, null)), List.of(x, x), DEFAULT));
    }

    @Test
    void theResultIsTheSameWhateverTheOrderOfTheInput() {
        Random random = new Random(11);
        List<MatchCandidate> coaches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            coaches.add(CoachMatcherTest.randomCoach(random, 1000 + i));
        }
        List<MatchCoachee> cohort = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cohort.add(randomCoachee(random, 1 + i, coaches));
        }
        CohortAssignment.Result first = CohortAssignment.assign(cohort, coaches, DEFAULT);
        CohortAssignment.Result again = CohortAssignment.assign(cohort, coaches, DEFAULT);
        assertEquals(first, again);
        assertEquals(new ArrayList<>(first.byCoacheeId().keySet()), new ArrayList<>(again.byCoacheeId().keySet()));

        Collections.shuffle(cohort, new Random(3));
        Collections.shuffle(coaches, new Random(4));
        CohortAssignment.Result shuffled = CohortAssignment.assign(cohort, coaches, DEFAULT);
        assertEquals(first, shuffled);
        assertFalse(first.byCoacheeId().isEmpty());
    }

    @Test
    void smallCohortsGetTheBestPossiblePairingFoundByTryingEveryOne() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            List<MatchCandidate> coaches = new ArrayList<>();
            int m = 1 + random.nextInt(4);
            for (int j = 0; j < m; j++) {
                coaches.add(CoachMatcherTest.randomCoach(random, 1000 + j));
            }
            List<MatchCoachee> cohort = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                cohort.add(randomCoachee(random, 1 + i, coaches));
            }
            CoachMatcher matcher = random.nextBoolean() ? DEFAULT : SPECIALISMS_ONLY;

            int[][] score = new int[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    List<Suggestion> s = matcher.suggest(cohort.get(i), List.of(coaches.get(j)));
                    score[i][j] = s.isEmpty() ? -1 : s.get(0).score();
                }
            }
            int[] left = coaches.stream().mapToInt(MatchCandidate::freePlaces).toArray();
            long best = bestByTryingEvery(0, score, left);

            CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, matcher);
            checkRules(cohort, coaches, matcher, result);
            assertEquals(best / 1000, result.byCoacheeId().size(), "count, round " + round);
            assertEquals(best % 1000, result.totalScore(), "total score, round " + round);
        }
    }

    /** The best (count, total score) over every way of pairing, as count × 1000 + score. */
    private static long bestByTryingEvery(int i, int[][] score, int[] left) {
        if (i == score.length) {
            return 0;
        }
        long best = bestByTryingEvery(i + 1, score, left);
        for (int j = 0; j < left.length; j++) {
            if (score[i][j] >= 0 && left[j] > 0) {
                left[j]--;
                best = Math.max(best, 1000 + score[i][j] + bestByTryingEvery(i + 1, score, left));
                left[j]++;
            }
        }
        return best;
    }

    @Test
    void aLargeCohortRespectsEveryCapacityAndRuleAndPairsAsManyAsPossible() {
        Random random = new Random(20240601L);
        List<MatchCandidate> coaches = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            coaches.add(CoachMatcherTest.randomCoach(random, 10_000 + i));
        }
        List<MatchCoachee> cohort = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cohort.add(randomCoachee(random, 1 + i, coaches));
        }
        CohortAssignment.Result result = null;
        for (int round = 0; round < 5; round++) {
            result = CohortAssignment.assign(cohort, coaches, DEFAULT); // no timing is asserted
        }
        checkRules(cohort, coaches, DEFAULT, result);
        assertEquals(200, result.byCoacheeId().size() + result.unassignedCoacheeIds().size());
        assertEquals(maximumPairings(cohort, coaches, DEFAULT), result.byCoacheeId().size());
        assertTrue(result.byCoacheeId().size() > 100, "the random data should pair most of the cohort");
    }

    @Test
    void aCohortLargerThanAllThePlacesFillsEveryPlaceItCan() {
        Random random = new Random(99);
        List<MatchCandidate> coaches = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            coaches.add(CoachMatcherTest.randomCoach(random, 10_000 + i));
        }
        List<MatchCoachee> cohort = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cohort.add(randomCoachee(random, 1 + i, coaches));
        }
        CohortAssignment.Result result = CohortAssignment.assign(cohort, coaches, DEFAULT);
        checkRules(cohort, coaches, DEFAULT, result);
        assertEquals(maximumPairings(cohort, coaches, DEFAULT), result.byCoacheeId().size());
        assertFalse(result.unassignedCoacheeIds().isEmpty());
    }

    /** Every pairing allowed by the hard rules, no coach over their free places, the total adding up. */
    private static void checkRules(List<MatchCoachee> cohort, Collection<MatchCandidate> coaches,
                                   CoachMatcher matcher, CohortAssignment.Result result) {
        Map<Long, MatchCoachee> byId = new HashMap<>();
        cohort.forEach(c -> byId.put(c.personId(), c));
        int total = 0;
        for (Map.Entry<Long, Suggestion> pair : result.byCoacheeId().entrySet()) {
            MatchCoachee coachee = byId.get(pair.getKey());
            MatchCandidate coach = pair.getValue().coach();
            assertEquals(Optional.empty(), matcher.exclusionReason(coachee, coach),
                    coachee.personId() + " with " + coach.coachId());
            assertEquals(matcher.suggest(coachee, List.of(coach)).get(0), pair.getValue());
            total += pair.getValue().score();
        }
        assertEquals(total, result.totalScore());
        Map<Long, Integer> given = countByCoach(result);
        for (MatchCandidate coach : coaches) {
            assertTrue(given.getOrDefault(coach.coachId(), 0) <= coach.freePlaces(), "coach " + coach.coachId());
        }
        for (Long unassigned : result.unassignedCoacheeIds()) {
            assertFalse(result.byCoacheeId().containsKey(unassigned));
        }
        List<Long> sorted = new ArrayList<>(result.unassignedCoacheeIds());
        Collections.sort(sorted);
        assertEquals(sorted, result.unassignedCoacheeIds());
    }

    private static Map<Long, Integer> countByCoach(CohortAssignment.Result result) {
        Map<Long, Integer> given = new HashMap<>();
        result.byCoacheeId().values().forEach(s -> given.merge(s.coach().coachId(), 1, Integer::sum));
        return given;
    }

    /**
     * The most pairings possible, worked out independently of the code under test: augmenting paths over coach
     * places (Kuhn's algorithm), ignoring scores.
     */
    private static int maximumPairings(List<MatchCoachee> cohort, List<MatchCandidate> coaches,
                                       CoachMatcher matcher) {
        List<Integer> places = new ArrayList<>();
        for (int j = 0; j < coaches.size(); j++) {
            for (int k = 0; k < coaches.get(j).freePlaces(); k++) {
                places.add(j);
            }
        }
        boolean[][] allowed = new boolean[cohort.size()][coaches.size()];
        for (int i = 0; i < cohort.size(); i++) {
            for (int j = 0; j < coaches.size(); j++) {
                allowed[i][j] = matcher.exclusionReason(cohort.get(i), coaches.get(j)).isEmpty();
            }
        }
        int[] holder = new int[places.size()];
        Arrays.fill(holder, -1);
        int count = 0;
        for (int i = 0; i < cohort.size(); i++) {
            if (augment(i, allowed, places, holder, new boolean[places.size()])) {
                count++;
            }
        }
        return count;
    }

    private static boolean augment(int i, boolean[][] allowed, List<Integer> places, int[] holder,
                                   boolean[] seen) {
        for (int p = 0; p < places.size(); p++) {
            if (!seen[p] && allowed[i][places.get(p)]) {
                seen[p] = true;
                if (holder[p] < 0 || augment(holder[p], allowed, places, holder, seen)) {
                    holder[p] = i;
                    return true;
                }
            }
        }
        return false;
    }

    private static MatchCoachee randomCoachee(Random random, long id, List<MatchCandidate> coaches) {
        Sector[] sectors = Sector.values();
        Set<String> wishes = new HashSet<>();
        for (int s = 0; s < random.nextInt(4); s++) {
            wishes.add("specialism " + random.nextInt(8));
        }
        Set<Long> ended = new HashSet<>();
        if (random.nextInt(4) == 0) {
            ended.add(coaches.get(random.nextInt(coaches.size())).coachId());
        }
        Long lineManager = random.nextInt(3) == 0 ? coaches.get(random.nextInt(coaches.size())).coachId() : null;
        Long profession = random.nextInt(5) == 0 ? null : (long) random.nextInt(6);
        return new MatchCoachee(id, random.nextInt(13), random.nextInt(6) == 0 ? null
                : sectors[random.nextInt(sectors.length)], "Team " + random.nextInt(4), profession,
                profession == null ? null : "Profession " + profession, lineManager, wishes, ended,
                random.nextBoolean());
    }
}
