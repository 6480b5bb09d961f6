package org.leadingtogether.booking;

import org.junit.jupiter.api.Test;
import org.leadingtogether.platform.BusinessException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overlaps, London times on clock-change days, and the life of a booking. */
class TimeRulesTest {

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void rangesOverlapOnlyWhenEachStartsBeforeTheOtherEnds() {
        TimeRange ten = range("2026-11-10T10:00:00Z", "2026-11-10T11:00:00Z");
        assertFalse(ten.overlaps(range("2026-11-10T11:00:00Z", "2026-11-10T12:00:00Z")), "back to back");
        assertFalse(ten.overlaps(range("2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z")), "back to back, before");
        assertTrue(ten.overlaps(range("2026-11-10T10:59:00Z", "2026-11-10T12:00:00Z")), "one minute shared");
        assertTrue(ten.overlaps(range("2026-11-10T10:15:00Z", "2026-11-10T10:30:00Z")), "inside");
        assertTrue(ten.overlaps(range("2026-11-10T09:00:00Z", "2026-11-10T13:00:00Z")), "around");
        assertTrue(ten.overlaps(ten), "the same");
        assertTrue(ten.widen(15).overlaps(range("2026-11-10T11:10:00Z", "2026-11-10T12:00:00Z")), "within the buffer");
        assertEquals(60, ten.minutes());
        assertThrows(IllegalArgumentException.class, () -> range("2026-11-10T10:00:00Z", "2026-11-10T10:00:00Z"));
    }

    @Test
    void londonTimesResolveInSummerAndWinter() {
        assertEquals(Instant.parse("2026-07-07T13:00:00Z"), LondonTime.resolve(LocalDate.of(2026, 7, 7), LocalTime.of(14, 0), "start"));
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), LondonTime.resolve(LocalDate.of(2026, 12, 1), LocalTime.of(14, 0), "start"));
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), LondonTime.resolve(LocalDate.of(2026, 3, 29), LocalTime.of(2, 0), "start"),
                "02:00 exists: the first minute of summer time");
    }

    @Test
    void aTimeThatDoesNotExistIsRefusedAtTheField() {
        BusinessException missing = assertThrows(BusinessException.class,
                () -> LondonTime.resolve(LocalDate.of(2026, 3, 29), LocalTime.of(1, 30), "start"));
        assertEquals("start", missing.getField().orElseThrow());
        assertTrue(missing.getMessage().contains("01:30 does not exist on Sunday 29 March 2026"), missing.getMessage());
        assertTrue(missing.getMessage().contains("clocks go forward"), missing.getMessage());
    }

    @Test
    void aTimeThatHappensTwiceIsRefusedAtTheField() {
        BusinessException twice = assertThrows(BusinessException.class,
                () -> LondonTime.resolve(LocalDate.of(2026, 10, 25), LocalTime.of(1, 30), "oneOffStart"));
        assertEquals("oneOffStart", twice.getField().orElseThrow());
        assertTrue(twice.getMessage().contains("01:30 happens twice on Sunday 25 October 2026"), twice.getMessage());
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), LondonTime.resolve(LocalDate.of(2026, 10, 25), LocalTime.of(2, 0), "x"),
                "02:00 GMT is after the repeated hour");
    }

    @Test
    void aBlockBeyondTheEntitlementNeedsAReason() {
        TimeRange two = range("2026-11-10T10:00:00Z", "2026-11-10T12:00:00Z");
        BusinessException noReason = assertThrows(BusinessException.class,
                () -> Booking.protectedTime(1, 2L, two, Purpose.MODULE_STUDY, null, true, "  "));
        assertEquals("overReason", noReason.getField().orElseThrow());
        Booking over = Booking.protectedTime(1, 2L, two, Purpose.MODULE_STUDY, null, true, "Assignment due this week");
        assertTrue(over.isOverEntitlement());
        assertEquals("Assignment due this week", over.getOverReason());
        Booking within = Booking.protectedTime(1, 2L, two, Purpose.SHADOWING, null, false, "ignored");
        assertFalse(within.isOverEntitlement());
        assertEquals(null, within.getOverReason());
        assertThrows(BusinessException.class, () -> Booking.protectedTime(1, 2L, range("2026-11-10T10:00:00Z", "2026-11-10T10:10:00Z"),
                Purpose.OTHER, null, false, null), "ten minutes is too short");
    }

    @Test
    void aBlockIsCancelledBeforeItEndsAndConfirmedOnlyAfter() {
        TimeRange two = range("2026-11-10T10:00:00Z", "2026-11-10T12:00:00Z");
        Booking block = Booking.protectedTime(1, 2L, two, Purpose.MODULE_STUDY, null, false, null);
        assertThrows(BusinessException.class, () -> block.recordOutcome(true, null, null, Instant.parse("2026-11-10T11:00:00Z")),
                "not over yet");
        BusinessException noNote = assertThrows(BusinessException.class,
                () -> block.recordOutcome(false, ChangeReason.OTHER, " ", Instant.parse("2026-11-10T13:00:00Z")));
        assertEquals("note", noNote.getField().orElseThrow());
        block.recordOutcome(false, ChangeReason.SERVICE_PRESSURE, null, Instant.parse("2026-11-10T13:00:00Z"));
        assertEquals(BookingStatus.LOST, block.getStatus());
        assertFalse(block.isActive());
        assertThrows(BusinessException.class, () -> block.cancel(1, ChangeReason.OTHER_COMMITMENT, null, Instant.parse("2026-11-10T13:00:00Z")));

        Booking later = Booking.protectedTime(1, 2L, two, Purpose.MODULE_STUDY, null, false, null);
        int sequence = later.getIcalSequence();
        later.cancel(1, ChangeReason.SERVICE_PRESSURE, "Ward short-staffed", Instant.parse("2026-11-09T08:00:00Z"));
        assertEquals(BookingStatus.CANCELLED, later.getStatus());
        assertEquals(sequence + 1, later.getIcalSequence(), "a cancellation is a new version of the event");
        assertEquals("Ward short-staffed", later.getClosedNote());
    }

    @Test
    void aCoachingSessionCanBeChangedOnlyUpToTheNotice() {
        TimeRange hour = range("2026-11-10T10:00:00Z", "2026-11-10T11:00:00Z");
        Booking session = Booking.coaching(1, 2, 3, 4, null, hour);
        Duration day = Duration.ofHours(24);
        session.checkChangeable(Instant.parse("2026-11-09T09:59:00Z"), day);
        assertThrows(BusinessException.class, () -> session.checkChangeable(Instant.parse("2026-11-09T10:00:00Z"), day));
        String uid = session.getIcalUid();
        session.moveTo(range("2026-11-12T10:00:00Z", "2026-11-12T11:00:00Z"), 5);
        assertEquals(uid, session.getIcalUid(), "the same event, moved");
        assertEquals(1, session.getIcalSequence());
        assertEquals(5L, session.getSessionId());
        assertTrue(session.involves(1) && session.involves(2) && !session.involves(3));
    }
}
