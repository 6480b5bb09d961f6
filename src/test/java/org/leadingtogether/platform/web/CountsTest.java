package org.leadingtogether.platform.web;

import org.junit.jupiter.api.Test;
import org.leadingtogether.booking.view.BookingTimes;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counts and durations as pages say them: never "1 hours", and a week's notice in days. */
class CountsTest {

    private final Counts counts = new Counts();

    @Test
    void oneIsSingularAndEveryOtherNumberPlural() {
        assertEquals("1 hour", counts.of(new BigDecimal("1.00"), "hour"), "CPD hours kept with two decimals");
        assertEquals("1.5 hours", counts.of(new BigDecimal("1.50"), "hour"));
        assertEquals("0 hours", counts.of(0, "hour"));
        assertEquals("1 session", counts.of(1, "session"));
        assertEquals("6 sessions", counts.of(6L, "session"));
        assertEquals("1 entry", counts.of(1, "entry", "entries"));
        assertEquals("3 entries", counts.of(3, "entry", "entries"));
        assertEquals("", counts.of(null, "hour"));
    }

    @Test
    void noticeOfWholeDaysFromTwoDaysIsSaidInDays() {
        BookingTimes times = new BookingTimes();
        assertEquals("7 days", times.notice(168));
        assertEquals("2 days", times.notice(48));
        assertEquals("24 hours", times.notice(24));
        assertEquals("2 hours", times.notice(2));
        assertEquals("1 hour", times.notice(1));
        assertEquals("0 hours", times.notice(0));
        assertEquals("30 hours", times.notice(30));
    }
}
