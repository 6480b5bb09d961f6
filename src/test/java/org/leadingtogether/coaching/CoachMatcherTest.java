package org.leadingtogether.coaching;

import org.junit.jupiter.api.Test;
import org.leadingtogether.directory.Sector;

import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoachMatcherTest {

    private static final long NURSING = 7L;
    private static final long SOCIAL_WORK = 8L;
    private static final long OWN_ORG = 100L;
    private static final long OTHER_ORG = 200L;

    private final CoachMatcher matcher = new CoachMatcher(MatchWeights.defaults());

    /** A coach who is eligible for {@link #coachee()} and meets every preference, unless told otherwise. */
    static final class Coach {
        long id;
        String name;
        long organisationId = OTHER_ORG;
        Sector sector = Sector.LOCAL_AUTHORITY;
        String team = "Adult services";
        Set<Long> professions = Set.of(NURSING);
        Set<String> specialisms = Set.of("Change leadership", "Resilience");
        int capacity = 4;
        int active = 0;
        boolean takesOwn = false;
        boolean available = true;

        Coach(long id, String name) {
            this.id = id;
            this.name = name;
        }

        Coach org(long organisation) {
            organisationId = organisation;
            return this;
        }

        Coach sector(Sector s) {
            sector = s;
            return this;
        }

        Coach team(String t) {
            team = t;
            return this;
        }

        Coach professions(Long... ids) {
            professions = Set.of(ids);
            return this;
        }

        Coach specialisms(String... words) {
            specialisms = Set.of(words);
            return this;
        }

        Coach load(int active, int capacity) {
            this.active = active;
            this.capacity = capacity;
            return this;
        }

        Coach takesOwn() {
            takesOwn = true;
            return this;
        }

        Coach unavailable() {
            available = false;
            return this;
        }

        MatchCandidate build() {
            return new MatchCandidate(id, name, organisationId, "Org " + organisationId, sector, team,
                    professions, specialisms, capacity, active, takesOwn, available);
        }
    }

    static Coach coach(long id, String name) {
        return new Coach(id, name);
    }

    /** A nurse in an NHS trust, team "Ward 5", asking for change leadership and resilience. */
    static MatchCoachee coachee() {
        return coachee(false, Set.of());
    }

    static MatchCoachee coachee(boolean managerAllowsOwn, Set<Long> ended) {
        return new MatchCoachee(1L, OWN_ORG, Sector.NHS_TRUST, "Ward 5", NURSING, "Nursing", 50L,
                Set.of("resilience", "change leadership"), ended, managerAllowsOwn);
    }

    private Optional<String> reason(MatchCoachee coachee, MatchCandidate coach) {
        return matcher.exclusionReason(coachee, coach);
    }

    // ---- hard rules -------------------------------------------------------------------------------------

    @Test
    void aCoachWhoBreaksNoRuleIsNotExcluded() {
        assertEquals(Optional.empty(), reason(coachee(), coach(10, "Ann").build()));
    }

    @Test
    void ownOrganisationIsExcludedByDefault() {
        MatchCandidate sameOrg = coach(10, "Ann").org(OWN_ORG).team("Finance").build();
        assertEquals(Optional.of("own organisation"), reason(coachee(), sameOrg));
        List<Exclusion> excluded = matcher.excluded(coachee(), List.of(sameOrg));
        assertEquals(1, excluded.size());
        assertSame(sameOrg, excluded.get(0).coach());
        assertEquals("own organisation", excluded.get(0).reason());
        assertTrue(matcher.suggest(coachee(), List.of(sameOrg)).isEmpty());
    }

    @Test
    void ownOrganisationNeedsBothTheCoachAndTheManagerToAgree() {
        MatchCandidate willing = coach(10, "Ann").org(OWN_ORG).team("Finance").takesOwn().build();
        MatchCandidate unwilling = coach(11, "Bea").org(OWN_ORG).team("Finance").build();

        assertEquals(Optional.of("own organisation"), reason(coachee(false, Set.of()), willing),
                "coach willing, manager not");
        assertEquals(Optional.of("own organisation"), reason(coachee(true, Set.of()), unwilling),
                "manager willing, coach not");
        assertEquals(Optional.empty(), reason(coachee(true, Set.of()), willing), "both willing");

        Suggestion suggestion = matcher.suggest(coachee(true, Set.of()), List.of(willing)).get(0);
        assertEquals("same organisation, allowed by coach and manager", suggestion.reasons().get(0));
    }

    @Test
    void theLineManagerIsExcluded() {
        MatchCandidate manager = coach(50, "Manager").build();
        assertEquals(Optional.of("is the coachee's line manager"), reason(coachee(), manager));
    }

    @Test
    void theSameTeamInTheSameOrganisationIsExcludedEvenWhenOwnOrganisationIsAllowed() {
        MatchCandidate teammate = coach(10, "Ann").org(OWN_ORG).team("  ward 5 ").takesOwn().build();
        assertEquals(Optional.of("same team"), reason(coachee(true, Set.of()), teammate));
        assertEquals(Optional.of("same team"), reason(coachee(false, Set.of()), teammate),
                "the team is the more lasting reason");
    }

    @Test
    void aTeamWithTheSameNameInAnotherOrganisationIsAllowed() {
        MatchCandidate namesake = coach(10, "Ann").org(OTHER_ORG).team("Ward 5").build();
        assertEquals(Optional.empty(), reason(coachee(), namesake));
    }

    @Test
    void aBlankOrMissingTeamIsIgnored() {
        MatchCandidate blank = coach(10, "Ann").org(OWN_ORG).team("   ").takesOwn().build();
        MatchCandidate none = coach(11, "Bea").org(OWN_ORG).team(null).takesOwn().build();
        assertEquals(Optional.empty(), reason(coachee(true, Set.of()), blank));
        assertEquals(Optional.empty(), reason(coachee(true, Set.of()), none));

        MatchCoachee noTeam = new MatchCoachee(1L, OWN_ORG, Sector.NHS_TRUST, null, NURSING, "Nursing", null,
                Set.of(), Set.of(), true);
        MatchCandidate ward5 = coach(12, "Cat").org(OWN_ORG).team("Ward 5").takesOwn().build();
        assertEquals(Optional.empty(), reason(noTeam, ward5));
    }

    @Test
    void aCoachWhosePairingEndedIsNotOfferedAgain() {
        MatchCandidate former = coach(10, "Ann").build();
        assertEquals(Optional.of("pairing ended before"), reason(coachee(false, Set.of(10L)), former));
        assertEquals(Optional.empty(), reason(coachee(false, Set.of(99L)), former));
    }

    @Test
    void aCoachAtOrOverCapacityIsExcluded() {
        assertEquals(Optional.of("no free places"), reason(coachee(), coach(10, "Ann").load(3, 3).build()));
        MatchCandidate over = coach(11, "Bea").load(5, 3).build();
        assertEquals(0, over.freePlaces(), "never negative");
        assertEquals(Optional.of("no free places"), reason(coachee(), over));
        assertEquals(Optional.of("no free places"), reason(coachee(), coach(12, "Cat").load(0, 0).build()));
        assertEquals(Optional.empty(), reason(coachee(), coach(13, "Dot").load(2, 3).build()));
    }

    @Test
    void anUnavailableCoachIsExcluded() {
        assertEquals(Optional.of("not taking coachees"), reason(coachee(), coach(10, "Ann").unavailable().build()));
    }

    @Test
    void theCoacheeIsNeverTheirOwnCoach() {
        MatchCandidate self = coach(1, "Self").build();
        assertEquals(Optional.of("is the coachee"), reason(coachee(), self));
    }

    @Test
    void aCoacheeWithNoOrganisationIsNeverInTheSameOrganisation() {
        MatchCoachee freelance = new MatchCoachee(1L, 0, null, "Ward 5", null, null, null, Set.of(), Set.of(),
                false);
        MatchCandidate alsoNone = coach(10, "Ann").org(0).team("Ward 5").build();
        assertEquals(Optional.empty(), reason(freelance, alsoNone));
        assertEquals(List.of("different organisation", "has capacity: 4 of 4 places free"),
                matcher.suggest(freelance, List.of(alsoNone)).get(0).reasons());
    }

    @Test
    void suggestionsAndExclusionsTogetherCoverEveryCoach() {
        List<MatchCandidate> coaches = List.of(
                coach(10, "Ann").build(),
                coach(11, "Bea").unavailable().build(),
                coach(50, "Manager").build(),
                coach(12, "Cat").load(4, 4).build(),
                coach(13, "Dot").org(OWN_ORG).build());
        List<Suggestion> suggested = matcher.suggest(coachee(), coaches);
        List<Exclusion> excluded = matcher.excluded(coachee(), coaches);
        assertEquals(1, suggested.size());
        assertEquals(10L, suggested.get(0).coach().coachId());
        assertEquals(List.of("not taking coachees", "is the coachee's line manager", "no free places",
                        "own organisation"),
                excluded.stream().map(Exclusion::reason).toList(), "in the order the coaches came in");
    }

    // ---- scores and reasons -----------------------------------------------------------------------------

    @Test
    void everyPreferenceMetScoresOneHundredWithEveryReasonInOrder() {
        Suggestion best = matcher.suggest(coachee(), List.of(coach(10, "Ann").build())).get(0);
        assertEquals(100, best.score());
        assertEquals(List.of(
                "different organisation",
                "coaches people in nursing",
                "specialisms asked for: change leadership, resilience",
                "from another sector (Local authority)",
                "has capacity: 4 of 4 places free"), best.reasons());
    }

    @Test
    void halfTheCapacityFreeCostsHalfTheHeadroomWeight() {
        Suggestion half = matcher.suggest(coachee(), List.of(coach(10, "Ann").load(2, 4).build())).get(0);
        // Most possible: 30 + 10 + 2 × 15 + 25 + 10 = 105; met: 105 − 10 × 2/4 = 100.
        assertEquals(Math.round(100 * 100.0 / 105), half.score());
        assertEquals(95, half.score());
        assertEquals("has capacity: 2 of 4 places free", half.reasons().get(half.reasons().size() - 1));
    }

    @Test
    void aSinglePlaceIsSpokenOfInTheSingular() {
        Suggestion one = matcher.suggest(coachee(), List.of(coach(10, "Ann").load(0, 1).build())).get(0);
        assertEquals("has capacity: 1 of 1 place free", one.reasons().get(one.reasons().size() - 1));
    }

    @Test
    void eachPreferenceMissedLowersTheScoreAndDropsItsReason() {
        Suggestion noProfession = only(coach(10, "Ann").professions(SOCIAL_WORK).build());
        assertEquals(Math.round(100 * 80.0 / 105), noProfession.score());
        assertFalse(noProfession.reasons().contains("coaches people in nursing"));

        Suggestion oneSpecialism = only(coach(10, "Ann").specialisms("RESILIENCE", "Finance").build());
        assertEquals(Math.round(100 * 90.0 / 105), oneSpecialism.score());
        assertTrue(oneSpecialism.reasons().contains("specialism asked for: resilience"),
                "matched ignoring case, in the coachee's words: " + oneSpecialism.reasons());

        Suggestion noSpecialism = only(coach(10, "Ann").specialisms().build());
        assertEquals(Math.round(100 * 75.0 / 105), noSpecialism.score());
        assertTrue(noSpecialism.reasons().stream().noneMatch(r -> r.startsWith("specialism")));

        Suggestion sameSector = only(coach(10, "Ann").sector(Sector.NHS_TRUST).build());
        assertEquals(Math.round(100 * 95.0 / 105), sameSector.score());
        assertTrue(sameSector.reasons().stream().noneMatch(r -> r.startsWith("from another sector")));

        Suggestion unknownSector = only(coach(10, "Ann").sector(null).build());
        assertEquals(sameSector.score(), unknownSector.score(), "an unknown sector is not counted as different");

        MatchCandidate ownOrg = coach(10, "Ann").org(OWN_ORG).team("Finance").takesOwn().build();
        Suggestion sameOrganisation = matcher.suggest(coachee(true, Set.of()), List.of(ownOrg)).get(0);
        assertEquals(Math.round(100 * 75.0 / 105), sameOrganisation.score());
        assertEquals(List.of(
                "same organisation, allowed by coach and manager",
                "coaches people in nursing",
                "specialisms asked for: change leadership, resilience",
                "from another sector (Local authority)",
                "has capacity: 4 of 4 places free"), sameOrganisation.reasons());
    }

    @Test
    void aCoacheeWhoAskedForLittleCanStillSeeOneHundred() {
        MatchCoachee plain = new MatchCoachee(1L, OWN_ORG, null, null, null, null, null, Set.of(), Set.of(),
                false);
        Suggestion suggestion = matcher.suggest(plain, List.of(coach(10, "Ann").build())).get(0);
        assertEquals(100, suggestion.score());
        assertEquals(List.of("different organisation", "has capacity: 4 of 4 places free"), suggestion.reasons());
    }

    @Test
    void aProfessionWithoutANameStillGivesAReason() {
        MatchCoachee unnamed = new MatchCoachee(1L, OWN_ORG, null, null, NURSING, null, null, Set.of(), Set.of(),
                false);
        Suggestion suggestion = matcher.suggest(unnamed, List.of(coach(10, "Ann").build())).get(0);
        assertEquals("coaches people in this profession", suggestion.reasons().get(1));
    }

    @Test
    void allWeightsNoughtMakesEveryEligibleCoachAFullMatch() {
        CoachMatcher indifferent = new CoachMatcher(new MatchWeights(0, 0, 0, 0, 0));
        Suggestion suggestion = indifferent.suggest(coachee(), List.of(coach(10, "Ann").load(3, 4)
                .specialisms().build())).get(0);
        assertEquals(100, suggestion.score());
    }

    private Suggestion only(MatchCandidate coach) {
        List<Suggestion> suggestions = matcher.suggest(coachee(), List.of(coach));
        assertEquals(1, suggestions.size());
        return suggestions.get(0);
    }

    // ---- ranking ----------------------------------------------------------------------------------------

    @Test
    void theBestScoreComesFirst() {
        List<MatchCandidate> coaches = List.of(
                coach(10, "Ann").specialisms().build(),
                coach(11, "Bea").build(),
                coach(12, "Cat").professions(SOCIAL_WORK).build());
        List<Suggestion> ranked = matcher.suggest(coachee(), coaches);
        assertEquals(List.of(11L, 12L, 10L), ids(ranked));
        assertTrue(ranked.get(0).score() > ranked.get(1).score());
        assertTrue(ranked.get(1).score() > ranked.get(2).score());
    }

    @Test
    void tiesGoToMoreFreePlacesThenNameThenId() {
        // Same share of free places, so the same score: 2 of 4 and 4 of 8.
        MatchCandidate fewer = coach(10, "Ann").load(2, 4).build();
        MatchCandidate more = coach(11, "Zoe").load(4, 8).build();
        MatchCandidate sameAsAnnLaterName = coach(12, "bea").load(2, 4).build();
        MatchCandidate sameAsAnnHigherId = coach(13, "Ann").load(2, 4).build();
        MatchCandidate sameAsAnnLowerId = coach(9, "Ann").load(2, 4).build();
        List<Suggestion> ranked = matcher.suggest(coachee(),
                List.of(sameAsAnnLaterName, sameAsAnnHigherId, fewer, more, sameAsAnnLowerId));
        assertEquals(1, ranked.stream().map(Suggestion::score).distinct().count(), "all tied on score");
        assertEquals(List.of(11L, 9L, 10L, 13L, 12L), ids(ranked));
    }

    @Test
    void theRankingDoesNotDependOnTheOrderCoachesCameIn() {
        List<MatchCandidate> coaches = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            coaches.add(randomCoach(random, 10 + i));
        }
        List<Long> first = ids(matcher.suggest(coachee(), coaches));
        Collections.shuffle(coaches, new Random(7));
        assertEquals(first, ids(matcher.suggest(coachee(), coaches)));
    }

    @Test
    void weightsChangeTheRanking() {
        MatchCandidate knowsNursing = coach(10, "Ann").specialisms().build();
        MatchCandidate knowsTheTopics = coach(11, "Bea").professions(SOCIAL_WORK).build();
        List<MatchCandidate> both = List.of(knowsNursing, knowsTheTopics);

        CoachMatcher professionIgnored = new CoachMatcher(new MatchWeights(30, 0, 15, 10, 10));
        assertEquals(List.of(11L, 10L), ids(professionIgnored.suggest(coachee(), both)));

        CoachMatcher professionFirst = new CoachMatcher(new MatchWeights(30, 80, 15, 10, 10));
        assertEquals(List.of(10L, 11L), ids(professionFirst.suggest(coachee(), both)));
    }

    @Test
    void twoHundredAndFiftyCandidatesAreAllAccountedFor() {
        Random random = new Random(2024);
        List<MatchCandidate> coaches = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            coaches.add(randomCoach(random, 1000 + i));
        }
        MatchCoachee coachee = new MatchCoachee(5L, 3, Sector.PRIMARY_CARE, "Team 2", 2L, "Pharmacy", 1007L,
                Set.of("specialism 1", "specialism 4"), Set.of(1011L, 1012L), false);
        for (int round = 0; round < 50; round++) {
            matcher.suggest(coachee, coaches); // warm up, as in use; no timing is asserted
        }
        List<Suggestion> suggested = matcher.suggest(coachee, coaches);
        List<Exclusion> excluded = matcher.excluded(coachee, coaches);
        assertEquals(250, suggested.size() + excluded.size());
        assertFalse(suggested.isEmpty());
        assertFalse(excluded.isEmpty());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < suggested.size(); i++) {
            Suggestion s = suggested.get(i);
            assertTrue(seen.add(s.coach().coachId()));
            assertEquals(Optional.empty(), matcher.exclusionReason(coachee, s.coach()));
            assertTrue(s.score() >= 0 && s.score() <= 100);
            assertTrue(s.reasons().get(s.reasons().size() - 1).startsWith("has capacity: "));
            if (i > 0) {
                Suggestion before = suggested.get(i - 1);
                assertTrue(before.score() > s.score() || (before.score() == s.score()
                        && before.coach().freePlaces() >= s.coach().freePlaces()), "ranked at " + i);
            }
        }
        for (Exclusion e : excluded) {
            assertTrue(seen.add(e.coach().coachId()));
            assertEquals(Optional.of(e.reason()), matcher.exclusionReason(coachee, e.coach()));
        }
        assertTrue(excluded.stream().anyMatch(e -> e.coach().coachId() == 1007L
                && e.reason().equals("is the coachee's line manager")));
    }

    static MatchCandidate randomCoach(Random random, long id) {
        Sector[] sectors = Sector.values();
        Set<Long> professions = new HashSet<>();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            professions.add((long) random.nextInt(6));
        }
        Set<String> specialisms = new HashSet<>();
        for (int s = 0; s < random.nextInt(4); s++) {
            specialisms.add("specialism " + random.nextInt(8));
        }
        int capacity = random.nextInt(5);
        return new MatchCandidate(id, "Coach " + id, 1 + random.nextInt(12), null,
                random.nextInt(6) == 0 ? null : sectors[random.nextInt(sectors.length)],
                "Team " + random.nextInt(4), professions, specialisms, capacity,
                capacity == 0 ? 0 : random.nextInt(capacity + 1), random.nextBoolean(), random.nextInt(10) != 0);
    }

    private static List<Long> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.coach().coachId()).toList();
    }

    // ---- weights from configuration ---------------------------------------------------------------------

    @Test
    void nothingConfiguredGivesTheDefaults() {
        MatchWeights weights = MatchWeights.fromProperties(key -> Optional.empty());
        assertEquals(MatchWeights.defaults(), weights);
        assertEquals(new MatchWeights(30, 25, 15, 10, 10), weights);
    }

    @Test
    void configuredWeightsOverrideTheDefaultsKeyByKey() {
        Map<String, String> config = new HashMap<>();
        config.put("coaching.weight.different-organisation", "40");
        config.put("coaching.weight.profession", " 0 ");
        config.put("coaching.weight.specialism", "7.5");
        config.put("coaching.weight.sector-diversity", "");
        MatchWeights weights = MatchWeights.fromProperties(key -> Optional.ofNullable(config.get(key)));
        assertEquals(new MatchWeights(40, 0, 7.5, 10, 10), weights, "blank and missing keys keep their default");

        config.put("coaching.weight.sector-diversity", "3");
        config.put("coaching.weight.capacity-headroom", "1e1");
        assertEquals(new MatchWeights(40, 0, 7.5, 3, 10),
                MatchWeights.fromProperties(key -> Optional.ofNullable(config.get(key))));
    }

    @Test
    void aNegativeWeightIsRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                MatchWeights.fromProperties(key -> key.equals("coaching.weight.sector-diversity")
                        ? Optional.of("-1") : Optional.empty()));
        assertTrue(e.getMessage().contains("coaching.weight.sector-diversity"), e.getMessage());
    }

    @Test
    void aWeightThatIsNotANumberIsRejectedNamingTheKey() {
        for (String bad : List.of("ten", "10%", "NaN", "Infinity")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    MatchWeights.fromProperties(key -> key.equals("coaching.weight.capacity-headroom")
                            ? Optional.of(bad) : Optional.empty()), bad);
            assertTrue(e.getMessage().contains("coaching.weight.capacity-headroom"), e.getMessage());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void weightsBuiltInCodeAreCheckedToo() {
        assertThrows(IllegalArgumentException.class, () -> new MatchWeights(1, -0.5, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MatchWeights(Double.NaN, 1, 1, 1, 1));
    }
}
