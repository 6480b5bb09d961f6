package org.leadingtogether.cohort;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortRulesTest {

    // CohortMix.count

    @Test
    void countsAreLargestFirstThenAlphabetical() {
        List<MixCount> mix = CohortMix.count(List.of("Social work", "Nursing", "Medicine", "Nursing", "Allied health",
                "Social work", "Nursing"));

        assertEquals(List.of(new MixCount("Nursing", 3), new MixCount("Social work", 2),
                new MixCount("Allied health", 1), new MixCount("Medicine", 1)), mix);
    }

    @Test
    void missingValuesAreCountedAsNotRecordedSoTheCountsAddUp() {
        List<MixCount> mix = CohortMix.count(Arrays.asList("Nursing", null, " ", "", "Nursing", null));

        assertEquals(List.of(new MixCount(CohortMix.NOT_RECORDED, 4), new MixCount("Nursing", 2)), mix);
        assertEquals(6, mix.stream().mapToInt(MixCount::count).sum());
    }

    @Test
    void nothingToCountGivesNoCounts() {
        assertTrue(CohortMix.count(List.of()).isEmpty());
    }

    // CohortMix.warnings

    private static List<MixCount> one(String label, int count, String rest, int restCount) {
        return List.of(new MixCount(label, count), new MixCount(rest, restCount));
    }

    @Test
    void exactlyHalfIsStillAMix() {
        List<String> warnings = CohortMix.warnings(one("Nursing", 10, "Medicine", 10),
                one("Riverside Care Homes", 10, "Northshire County Council", 10), 20, 0.5);

        assertEquals(List.of(), warnings);
    }

    @Test
    void moreThanHalfFromOneProfessionIsWarnedAbout() {
        List<String> warnings = CohortMix.warnings(one("Nursing", 14, "Medicine", 6),
                one("Riverside Care Homes", 10, "Northshire County Council", 10), 20, 0.5);

        assertEquals(List.of("Nursing is 14 of 20 members (70%): more than half the cohort is from one profession,"
                + " so it may lose its multidisciplinary point."), warnings);
    }

    @Test
    void justOverHalfIsWarnedAbout() {
        List<String> warnings = CohortMix.warnings(one("Nursing", 11, "Medicine", 9), List.of(), 20, 0.5);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Nursing is 11 of 20 members (55%)"), warnings.get(0));
    }

    @Test
    void oneOrganisationDominatingIsWarnedAboutToo() {
        List<String> warnings = CohortMix.warnings(one("Nursing", 5, "Medicine", 5),
                one("Northshire NHS Foundation Trust", 8, "Riverside Care Homes", 2), 10, 0.5);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Northshire NHS Foundation Trust is 8 of 10 members (80%): more than half"
                + " the cohort is from one organisation"), warnings.get(0));
    }

    @Test
    void anotherThresholdIsGivenInPerCentAndComparedExactly() {
        List<MixCount> threeOfFive = one("Nursing", 3, "Medicine", 2);
        List<MixCount> fourOfFive = one("Nursing", 4, "Medicine", 1);

        assertEquals(List.of(), CohortMix.warnings(threeOfFive, List.of(), 5, 0.6));
        List<String> warnings = CohortMix.warnings(fourOfFive, List.of(), 5, 0.6);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("(80%): more than 60% the cohort is from one profession"), warnings.get(0));
    }

    @Test
    void notRecordedIsNeverWarnedAbout() {
        List<MixCount> professions = List.of(new MixCount(CohortMix.NOT_RECORDED, 9), new MixCount("Nursing", 1));

        assertEquals(List.of(), CohortMix.warnings(professions, List.of(), 10, 0.5));
    }

    @Test
    void emptyAndTinyCohortsGetNoWarnings() {
        assertEquals(List.of(), CohortMix.warnings(List.of(), List.of(), 0, 0.5));
        assertEquals(List.of(), CohortMix.warnings(List.of(new MixCount("Nursing", 3)),
                List.of(new MixCount("Riverside Care Homes", 3)), 3, 0.5));
        assertEquals(2, CohortMix.warnings(List.of(new MixCount("Nursing", 4)),
                List.of(new MixCount("Riverside Care Homes", 4)), 4, 0.5).size(), "four members are enough to judge");
    }

    @Test
    void aThresholdThatIsNotAShareIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> CohortMix.warnings(List.of(), List.of(), 10, 0));
        assertThrows(IllegalArgumentException.class, () -> CohortMix.warnings(List.of(), List.of(), 10, 1));
        assertThrows(IllegalArgumentException.class, () -> CohortMix.warnings(List.of(), List.of(), 10, 50));
    }

    // PaceRule.expectedPercent

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    /** 100 days, counting both ends: each day is exactly one per cent. */
    private static final LocalDate END = LocalDate.of(2026, 4, 10);

    @Test
    void nothingIsExpectedBeforeTheStart() {
        assertEquals(0, PaceRule.expectedPercent(START, END, START.minusDays(1)));
        assertEquals(0, PaceRule.expectedPercent(START, END, START.minusYears(1)));
    }

    @Test
    void theExpectedShareGrowsDayByDayAndIsRoundedDown() {
        assertEquals(1, PaceRule.expectedPercent(START, END, START));
        assertEquals(50, PaceRule.expectedPercent(START, END, START.plusDays(49)));
        assertEquals(99, PaceRule.expectedPercent(START, END, END.minusDays(1)));
        LocalDate thirdDay = LocalDate.of(2026, 1, 3);
        assertEquals(42, PaceRule.expectedPercent(START, LocalDate.of(2026, 1, 7), thirdDay), "3 of 7 days is 42.8%");
    }

    @Test
    void everythingIsExpectedOnAndAfterTheEnd() {
        assertEquals(100, PaceRule.expectedPercent(START, END, END));
        assertEquals(100, PaceRule.expectedPercent(START, END, END.plusMonths(3)));
        assertEquals(100, PaceRule.expectedPercent(START, START, START), "a one-day cohort");
    }

    @Test
    void aCohortEndingBeforeItStartsIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> PaceRule.expectedPercent(END, START, START));
    }

    // PaceRule.atRisk

    @Test
    void farBehindThePaceIsAtRisk() {
        LocalDate today = START.plusDays(54); // 55% expected
        Optional<String> reason = PaceRule.atRisk(START, END, today, 12, today.minusDays(2), START);

        assertEquals(Optional.of("12% done; 55% expected by now."), reason);
    }

    @Test
    void withinTheToleranceIsNotAtRisk() {
        LocalDate today = START.plusDays(54); // 55% expected
        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 35, today.minusDays(2), START));
        assertTrue(PaceRule.atRisk(START, END, today, 34, today.minusDays(2), START).isPresent());
    }

    @Test
    void aLongSilenceIsAtRisk() {
        LocalDate today = START.plusDays(40);
        Optional<String> reason = PaceRule.atRisk(START, END, today, 40, today.minusDays(35), START);

        assertEquals(Optional.of("No learning activity for 35 days."), reason);
    }

    @Test
    void exactlyTheQuietDaysIsNotYetASilence() {
        LocalDate today = START.plusDays(40);
        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 40, today.minusDays(PaceRule.QUIET_DAYS), START));
        assertTrue(PaceRule.atRisk(START, END, today, 40, today.minusDays(PaceRule.QUIET_DAYS + 1), START).isPresent());
    }

    @Test
    void neverStartedIsAtRiskOnlyOnceEnrolledLongEnough() {
        LocalDate today = START.plusDays(40);

        assertEquals(Optional.of("No learning activity since enrolling."),
                PaceRule.atRisk(START, END, today, 30, null, START));
        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 30, null, today.minusDays(10)),
                "a late joiner is not named for the weeks before they joined");
    }

    @Test
    void bothReasonsAreGivenTogether() {
        LocalDate today = START.plusDays(69); // 70% expected
        Optional<String> reason = PaceRule.atRisk(START, END, today, 10, today.minusDays(45), START);

        assertEquals(Optional.of("10% done; 70% expected by now. No learning activity for 45 days."), reason);
    }

    @Test
    void silenceAfterTheEndDoesNotCountButBeingBehindDoes() {
        LocalDate today = END.plusDays(10);
        Optional<String> reason = PaceRule.atRisk(START, END, today, 60, START.plusDays(20), START);

        assertEquals(Optional.of("60% done; 100% expected by now."), reason);
    }

    @Test
    void nobodyIsAtRiskBeforeTheStart() {
        LocalDate today = START.minusDays(1);

        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 0, null, START.minusDays(60)));
    }

    @Test
    void nobodyWhoHasDoneEverythingIsAtRisk() {
        LocalDate today = END.minusDays(1);

        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 100, START.plusDays(5), START));
        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, END.plusDays(30), 100, null, START));
    }

    @Test
    void aMemberOnPaceIsNotAtRisk() {
        LocalDate today = START.plusDays(49);

        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 50, today, START));
        assertEquals(Optional.empty(), PaceRule.atRisk(START, END, today, 31, today.minusDays(3), START.plusDays(5)));
    }

    // Cohort: places and dates

    private static Cohort cohortOf(int places) {
        Programme programme = Programme.blank();
        programme.setStartDate(START);
        programme.setEndDate(END);
        Cohort cohort = new Cohort(programme);
        cohort.setCapacity(places);
        return cohort;
    }

    @Test
    void placesCanBeRaisedAndLoweredDownToThoseTaken() {
        Cohort cohort = cohortOf(20);

        cohort.changePlacesAndDates(12, START, END.plusDays(30), 12);

        assertEquals(12, cohort.getCapacity());
        assertEquals(END.plusDays(30), cohort.getEndDate());
    }

    @Test
    void placesBelowThoseTakenAreRefusedAtTheFieldAndNothingChanges() {
        Cohort cohort = cohortOf(20);

        org.leadingtogether.platform.BusinessException refused = assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changePlacesAndDates(11, START.plusDays(1), END, 12));

        assertEquals(Optional.of("capacity"), refused.getField());
        assertEquals("12 people are enrolled, so the cohort needs at least 12 places. To go lower, withdraw or defer members first.",
                refused.getMessage());
        assertEquals(20, cohort.getCapacity());
        assertEquals(START, cohort.getStartDate(), "nothing half changed");
    }

    @Test
    void aCohortWithoutPlacesIsRefused() {
        org.leadingtogether.platform.BusinessException refused = assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohortOf(5).changePlacesAndDates(0, START, END, 0));

        assertEquals(Optional.of("capacity"), refused.getField());
        assertEquals("A cohort needs at least one place.", refused.getMessage());
    }

    @Test
    void anEndBeforeTheStartOrAMissingDateIsRefusedAtItsField() {
        Cohort cohort = cohortOf(20);

        assertEquals(Optional.of("endDate"), assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changePlacesAndDates(20, END, START, 0)).getField());
        assertEquals(Optional.of("startDate"), assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changePlacesAndDates(20, null, END, 0)).getField());
        assertEquals(Optional.of("endDate"), assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changePlacesAndDates(20, START, null, 0)).getField());
        assertEquals(Optional.of("capacity"), assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changePlacesAndDates(Cohort.PLACES_MAX + 1, START, END, 0)).getField());
        cohort.changePlacesAndDates(20, START, START, 0);
        assertEquals(START, cohort.getEndDate(), "a one-day cohort");
    }

    @Test
    void aFullCohortIsRefusedAsSuch() {
        CohortFullException full = assertThrows(CohortFullException.class, () -> cohortOf(2).checkRoomFor(2, 1));

        assertEquals("The cohort has 0 places left of 2; 1 person does not fit. Raise its number of places first, or withdraw someone.",
                full.getMessage());
        assertEquals("/manager/cohort-settings.xhtml?id=12", CohortFullException.settingsPage(12));
    }

    // CohortMembership.refusal

    @Test
    void anActiveAccountWithNoOtherPlaceInTheProgrammeMayBeEnrolled() {
        assertEquals(Optional.empty(), CohortMembership.refusal("Amara Okafor", true, null));
    }

    @Test
    void aPlaceInAnotherCohortOfTheProgrammeIsNamed() {
        assertEquals(Optional.of("Amara Okafor is already in Autumn cohort of this programme, and a person holds one place in a"
                + " programme. Withdraw or defer them there first."), CohortMembership.refusal("Amara Okafor", true, "Autumn cohort"));
    }

    @Test
    void aDeactivatedAccountIsRefusedFirst() {
        assertTrue(CohortMembership.refusal("amara@example.org", false, "Autumn cohort").orElseThrow()
                .startsWith("amara@example.org has a deactivated account"));
    }
}
