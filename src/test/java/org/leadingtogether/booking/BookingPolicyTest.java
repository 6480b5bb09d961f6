package org.leadingtogether.booking;

import org.junit.jupiter.api.Test;
import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.platform.NotFoundException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who reaches which booking, slot and coach: the two sides only; everyone else is told it does not exist. */
class BookingPolicyTest {

    private static final long LEARNER = 1;
    private static final long COACH = 2;
    private static final long STRANGER = 3;
    private static final TimeRange HOUR = TimeRange.of(Instant.parse("2026-11-10T10:00:00Z"), 60);

    @Test
    void aBlockOfProtectedTimeIsItsLearnersAlone() {
        Booking block = Booking.protectedTime(LEARNER, 9L, HOUR, Purpose.MODULE_STUDY, null, false, null);
        assertSame(block, BookingPolicy.checkOwnProtectedTime(block, LEARNER));
        assertSame(block, BookingPolicy.checkInvolved(block, LEARNER));
        NotFoundException stranger = assertThrows(NotFoundException.class, () -> BookingPolicy.checkOwnProtectedTime(block, STRANGER));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> BookingPolicy.checkOwnProtectedTime(null, LEARNER));
        assertEquals(missing.getMessage(), stranger.getMessage(), "the same answer for someone else's and for none");
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkCoachingSession(block, LEARNER), "not a session");
    }

    @Test
    void aSessionIsSeenByItsCoacheeAndItsCoachOnly() {
        Booking session = Booking.coaching(LEARNER, COACH, 5, 6, null, HOUR);
        assertSame(session, BookingPolicy.checkCoachingSession(session, LEARNER));
        assertSame(session, BookingPolicy.checkCoachingSession(session, COACH));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkCoachingSession(session, STRANGER));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkOwnProtectedTime(session, LEARNER));
    }

    @Test
    void onlyACurrentCoacheeBooksACoachsSlots() {
        Pairing proposed = new Pairing(COACH, LEARNER, null, 99, Instant.parse("2026-11-01T10:00:00Z"), LocalDate.of(2026, 11, 20));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkCurrentCoachee(proposed, LEARNER), "not accepted yet");
        proposed.accept(Instant.parse("2026-11-02T10:00:00Z"), LocalDate.of(2026, 11, 2));
        assertSame(proposed, BookingPolicy.checkCurrentCoachee(proposed, LEARNER));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkCurrentCoachee(proposed, STRANGER));
        proposed.end(LEARNER, null, Instant.parse("2026-11-03T10:00:00Z"));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkCurrentCoachee(proposed, LEARNER), "ended");
    }

    @Test
    void aCoachsPatternsAndSlotsAreTheirsToWithdraw() {
        SlotPattern pattern = new SlotPattern(COACH, new SlotGenerator.PatternRule(0, DayOfWeek.TUESDAY, LocalTime.of(14, 0),
                LocalTime.of(16, 0), 60, 0, 24, LocalDate.of(2026, 11, 1), null));
        assertSame(pattern, BookingPolicy.checkOwnPattern(pattern, COACH));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkOwnPattern(pattern, STRANGER));
        OneOffSlot slot = new OneOffSlot(COACH, Instant.parse("2026-11-10T10:00:00Z"), 60, 0, Instant.parse("2026-11-01T10:00:00Z"));
        assertSame(slot, BookingPolicy.checkOwnSlot(slot, COACH));
        assertThrows(NotFoundException.class, () -> BookingPolicy.checkOwnSlot(slot, STRANGER));
    }
}
