package org.leadingtogether.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestWeekTest {

    @Test
    void theWeekStartsAtEightOnMondayLondonTime() {
        // Winter (GMT): Monday 7 December 2026, 08:00 London is 08:00 UTC.
        Instant monday = Instant.parse("2026-12-07T08:00:00Z");
        assertEquals(monday, DigestWeek.start(monday), "at eight exactly, the new week");
        assertEquals(monday, DigestWeek.start(Instant.parse("2026-12-07T08:00:01Z")));
        assertEquals(monday, DigestWeek.start(Instant.parse("2026-12-10T15:30:00Z")), "Thursday");
        assertEquals(monday, DigestWeek.start(Instant.parse("2026-12-14T07:59:59Z")), "next Monday before eight");
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), DigestWeek.start(Instant.parse("2026-12-07T07:59:59Z")),
                "Monday before eight is still last week");
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), DigestWeek.start(Instant.parse("2026-12-06T23:00:00Z")), "Sunday night");
    }

    @Test
    void inSummerEightInLondonIsSevenUtcAndTheWeeksAroundTheClockChangesKeepEight() {
        assertEquals(Instant.parse("2026-07-06T07:00:00Z"), DigestWeek.start(Instant.parse("2026-07-08T12:00:00Z")), "BST");
        // The clocks went forward on Sunday 29 March 2026: the week from Monday 23 March started at 08:00 GMT, the next at 08:00 BST.
        assertEquals(Instant.parse("2026-03-23T08:00:00Z"), DigestWeek.start(Instant.parse("2026-03-30T06:59:59Z")));
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), DigestWeek.start(Instant.parse("2026-03-30T07:00:00Z")));
        // And back on Sunday 25 October 2026.
        assertEquals(Instant.parse("2026-10-19T07:00:00Z"), DigestWeek.start(Instant.parse("2026-10-26T07:59:59Z")));
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), DigestWeek.start(Instant.parse("2026-10-26T08:00:00Z")));
    }
}
