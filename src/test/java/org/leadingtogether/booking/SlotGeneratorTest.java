package org.leadingtogether.booking;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slots cut from coaches' patterns: lengths, buffers, notice, busy times, date limits and the clock-change nights. */
class SlotGeneratorTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    /** A moment well before every slot in these tests. */
    private static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");

    private static SlotGenerator.PatternRule pattern(DayOfWeek day, String from, String until, int minutes, int buffer, int notice) {
        return new SlotGenerator.PatternRule(1, day, LocalTime.parse(from), LocalTime.parse(until), minutes, buffer, notice, LONG_AGO, null);
    }

    private static List<Instant> starts(List<SlotGenerator.Slot> slots) {
        return slots.stream().map(SlotGenerator.Slot::start).toList();
    }

    @Test
    void everyTuesdayTwoToFourInHourSessionsGivesTwoSlotsAtLondonTime() {
        var tuesdays = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 60, 0, 0);
        // 7 July 2026 is in summer time (UTC+1); 10 November 2026 in winter time (UTC).
        assertEquals(List.of(Instant.parse("2026-07-07T13:00:00Z"), Instant.parse("2026-07-07T14:00:00Z")),
                starts(SlotGenerator.offered(List.of(tuesdays), List.of(), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 12))));
        assertEquals(List.of(Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-10T15:00:00Z")),
                starts(SlotGenerator.offered(List.of(tuesdays), List.of(), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15))));
        SlotGenerator.Slot first = SlotGenerator.offered(List.of(tuesdays), List.of(), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10)).get(0);
        assertEquals(60, first.minutes());
    }

    @Test
    void aBufferSpacesSessionsAndNoSessionRunsPastTheWindow() {
        var withBreaks = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 45, 15, 0);
        assertEquals(List.of(Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-10T15:00:00Z")),
                starts(SlotGenerator.offered(List.of(withBreaks), List.of(), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10))));
        var tooLongForTwo = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 60, 15, 0);
        assertEquals(List.of(Instant.parse("2026-11-10T14:00:00Z")),
                starts(SlotGenerator.offered(List.of(tooLongForTwo), List.of(), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10))));
    }

    @Test
    void slotsInsideTheNoticeOrAlreadyStartedAreNotFree() {
        var tuesdays = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 60, 0, 24);
        Instant mondayNoon = Instant.parse("2026-11-09T12:00:00Z");
        List<SlotGenerator.Slot> free = SlotGenerator.free(List.of(tuesdays), List.of(), List.of(), LocalDate.of(2026, 11, 9),
                LocalDate.of(2026, 11, 17), mondayNoon);
        // Tuesday 10th 14:00 is 26 hours ahead (free); 15:00 too; both on the 17th as well.
        assertEquals(4, free.size());
        Instant mondayThree = Instant.parse("2026-11-09T14:30:00Z");
        free = SlotGenerator.free(List.of(tuesdays), List.of(), List.of(), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 17), mondayThree);
        assertEquals(List.of(Instant.parse("2026-11-10T15:00:00Z"), Instant.parse("2026-11-17T14:00:00Z"), Instant.parse("2026-11-17T15:00:00Z")),
                starts(free), "14:00 on the 10th is now less than 24 hours away");
        var noNotice = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 60, 0, 0);
        free = SlotGenerator.free(List.of(noNotice), List.of(), List.of(), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10),
                Instant.parse("2026-11-10T14:10:00Z"));
        assertEquals(List.of(Instant.parse("2026-11-10T15:00:00Z")), starts(free), "a slot that has started is gone");
    }

    @Test
    void aBookingTakesItsSlotAndTheBufferKeepsNeighboursClear() {
        var withBreaks = pattern(DayOfWeek.TUESDAY, "09:00", "12:00", 45, 15, 0);
        LocalDate day = LocalDate.of(2026, 11, 10);
        assertEquals(3, SlotGenerator.offered(List.of(withBreaks), List.of(), day, day).size());
        // The coach is busy 10:00–10:45 (the 10:00 slot is booked).
        TimeRange booked = new TimeRange(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-10T10:45:00Z"));
        List<SlotGenerator.Slot> free = SlotGenerator.free(List.of(withBreaks), List.of(), List.of(booked), day, day, EARLY);
        assertEquals(List.of(Instant.parse("2026-11-10T09:00:00Z"), Instant.parse("2026-11-10T11:00:00Z")), starts(free));
        // Something else at 11:50–12:30 is within the 15-minute buffer of the 11:00–11:45 slot.
        TimeRange meeting = new TimeRange(Instant.parse("2026-11-10T11:50:00Z"), Instant.parse("2026-11-10T12:30:00Z"));
        free = SlotGenerator.free(List.of(withBreaks), List.of(), List.of(booked, meeting), day, day, EARLY);
        assertEquals(List.of(Instant.parse("2026-11-10T09:00:00Z")), starts(free));
    }

    @Test
    void patternsKeepToTheirDatesAndOneOffSlotsJoinThem() {
        var limited = new SlotGenerator.PatternRule(1, DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 0), 60, 0, 0,
                LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17));
        var oneOff = new SlotGenerator.OneOff(2, Instant.parse("2026-11-12T09:30:00Z"), 90, 0);
        var duplicate = new SlotGenerator.OneOff(3, Instant.parse("2026-11-17T14:00:00Z"), 60, 0);
        List<SlotGenerator.Slot> slots = SlotGenerator.offered(List.of(limited), List.of(oneOff, duplicate), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30));
        assertEquals(List.of(Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-12T09:30:00Z"), Instant.parse("2026-11-17T14:00:00Z")),
                starts(slots), "two Tuesdays in range, the one-off slot, and no second copy of the 17th");
        assertEquals(90, slots.get(1).minutes());
    }

    @Test
    void theNightTheClocksGoForwardSkipsTheHourThatDoesNotExist() {
        // Sunday 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST.
        var night = pattern(DayOfWeek.SUNDAY, "00:30", "03:30", 60, 0, 0);
        LocalDate day = LocalDate.of(2026, 3, 29);
        List<SlotGenerator.Slot> slots = SlotGenerator.offered(List.of(night), List.of(), day, day);
        assertEquals(List.of(Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:30:00Z")), starts(slots),
                "00:30 GMT and 02:30 BST; 01:30 does not exist that night");
        assertTrue(slots.stream().allMatch(s -> s.minutes() == 60));
        assertFalse(slots.get(0).range().overlaps(slots.get(1).range()));
        // The daytime pattern that day is at 14:00 summer time.
        var afternoon = pattern(DayOfWeek.SUNDAY, "14:00", "15:00", 60, 0, 0);
        assertEquals(List.of(Instant.parse("2026-03-29T13:00:00Z")), starts(SlotGenerator.offered(List.of(afternoon), List.of(), day, day)));
        // The Sunday before was still winter time.
        assertEquals(List.of(Instant.parse("2026-03-22T14:00:00Z")),
                starts(SlotGenerator.offered(List.of(afternoon), List.of(), day.minusWeeks(1), day.minusWeeks(1))));
    }

    @Test
    void theNightTheClocksGoBackTakesTheFirstOfTheRepeatedHour() {
        // Sunday 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00–01:59 happens twice.
        var night = pattern(DayOfWeek.SUNDAY, "00:30", "03:30", 60, 0, 0);
        LocalDate day = LocalDate.of(2026, 10, 25);
        List<SlotGenerator.Slot> slots = SlotGenerator.offered(List.of(night), List.of(), day, day);
        assertEquals(List.of(Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T02:30:00Z")),
                starts(slots), "00:30 BST, 01:30 BST (the first 01:30), 02:30 GMT");
        for (int i = 1; i < slots.size(); i++) {
            assertFalse(slots.get(i - 1).range().overlaps(slots.get(i).range()));
        }
        var afternoon = pattern(DayOfWeek.SUNDAY, "14:00", "15:00", 60, 0, 0);
        assertEquals(List.of(Instant.parse("2026-10-25T14:00:00Z")), starts(SlotGenerator.offered(List.of(afternoon), List.of(), day, day)),
                "14:00 GMT the afternoon after the change");
        assertEquals(List.of(Instant.parse("2026-10-18T13:00:00Z")),
                starts(SlotGenerator.offered(List.of(afternoon), List.of(), day.minusWeeks(1), day.minusWeeks(1))), "14:00 BST a week before");
    }

    @Test
    void aPatternIsCheckedBeforeItIsKept() {
        var backwards = pattern(DayOfWeek.MONDAY, "16:00", "14:00", 60, 0, 0);
        assertEquals("until", org.junit.jupiter.api.Assertions.assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> new SlotPattern(1, backwards)).getField().orElseThrow());
        var shortWindow = pattern(DayOfWeek.MONDAY, "14:00", "14:30", 60, 0, 0);
        assertEquals("until", org.junit.jupiter.api.Assertions.assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> new SlotPattern(1, shortWindow)).getField().orElseThrow());
    }

    @Test
    void patternsOverlapOnTheSameWeekdayWhenTheirTimesAndDatesShareAMoment() {
        var tuesdays = pattern(DayOfWeek.TUESDAY, "14:00", "16:00", 60, 0, 0);
        assertTrue(SlotPattern.overlap(tuesdays, pattern(DayOfWeek.TUESDAY, "15:00", "17:00", 60, 0, 0)), "half an afternoon shared");
        assertTrue(SlotPattern.overlap(tuesdays, pattern(DayOfWeek.TUESDAY, "14:30", "15:00", 30, 0, 0)), "inside");
        assertTrue(SlotPattern.overlap(tuesdays, tuesdays), "the same");
        assertFalse(SlotPattern.overlap(tuesdays, pattern(DayOfWeek.TUESDAY, "16:00", "17:00", 60, 0, 0)), "back to back");
        assertFalse(SlotPattern.overlap(tuesdays, pattern(DayOfWeek.WEDNESDAY, "14:00", "16:00", 60, 0, 0)), "another day");
        var ended = new SlotGenerator.PatternRule(2, DayOfWeek.TUESDAY, LocalTime.parse("14:00"), LocalTime.parse("16:00"), 60, 0, 0,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        var later = new SlotGenerator.PatternRule(3, DayOfWeek.TUESDAY, LocalTime.parse("15:00"), LocalTime.parse("16:00"), 60, 0, 0,
                LocalDate.of(2026, 4, 1), null);
        assertFalse(SlotPattern.overlap(ended, later), "one ends before the other begins");
        assertTrue(SlotPattern.overlap(tuesdays, later), "a pattern with no last day runs on");

        org.leadingtogether.platform.BusinessException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.leadingtogether.platform.BusinessException.class,
                () -> SlotPattern.checkNoOverlap(pattern(DayOfWeek.TUESDAY, "15:00", "17:00", 60, 0, 0), List.of(tuesdays)));
        assertEquals("from", refused.getField().orElseThrow());
        assertEquals("This overlaps your pattern on Tuesdays, 14:00 to 16:00. Choose times that do not overlap it, or withdraw that"
                + " pattern first.", refused.getMessage());
        SlotPattern.checkNoOverlap(pattern(DayOfWeek.TUESDAY, "16:00", "17:00", 60, 0, 0), List.of(tuesdays));
    }
}
