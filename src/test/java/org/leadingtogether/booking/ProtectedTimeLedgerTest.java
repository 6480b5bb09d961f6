package org.leadingtogether.booking;

import org.junit.jupiter.api.Test;
import org.leadingtogether.cohort.EntitlementPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's arithmetic: periods, what counts against the entitlement, going beyond it, entitled to date. */
class ProtectedTimeLedgerTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 7);
    private static final LocalDate END = LocalDate.of(2027, 3, 5);

    private static ProtectedTimeLedger.Entry entry(String day, int minutes, BookingStatus status, ChangeReason reason) {
        return new ProtectedTimeLedger.Entry(LocalDate.parse(day), minutes, status, reason);
    }

    @Test
    void periodsAreWeeksFromMondayCalendarMonthsOrTheWholeCohort() {
        var weekly = new ProtectedTimeLedger(EntitlementPeriod.WEEK, new BigDecimal("5"), START, END);
        var week = weekly.periodContaining(LocalDate.of(2026, 11, 12)); // a Thursday
        assertEquals(LocalDate.of(2026, 11, 9), week.first());
        assertEquals(LocalDate.of(2026, 11, 15), week.last());
        assertEquals("Week beginning 9 November 2026", week.label());
        assertEquals(LocalDate.of(2026, 11, 8), weekly.dayInPreviousPeriod(LocalDate.of(2026, 11, 12)));
        assertEquals(LocalDate.of(2026, 11, 16), weekly.dayInNextPeriod(LocalDate.of(2026, 11, 12)));

        var monthly = new ProtectedTimeLedger(EntitlementPeriod.MONTH, new BigDecimal("8"), START, END);
        var february = monthly.periodContaining(LocalDate.of(2027, 2, 14));
        assertEquals(LocalDate.of(2027, 2, 1), february.first());
        assertEquals(LocalDate.of(2027, 2, 28), february.last());
        assertEquals("February 2027", february.label());
        assertEquals("8 hours a month", monthly.entitlementText());

        var total = new ProtectedTimeLedger(EntitlementPeriod.TOTAL, new BigDecimal("30"), START, END);
        assertEquals(START, total.periodContaining(LocalDate.of(2026, 12, 25)).first());
        assertEquals(END, total.periodContaining(LocalDate.of(2026, 12, 25)).last());
        assertNull(total.dayInNextPeriod(LocalDate.of(2026, 12, 25)));
        assertEquals("30 hours in total", total.entitlementText());
        assertEquals("2.5 hours a week", new ProtectedTimeLedger(EntitlementPeriod.WEEK, new BigDecimal("2.5"), START, END).entitlementText());
    }

    @Test
    void bookedAndUsedCountAgainstTheEntitlementLostAndCancelledDoNot() {
        var monthly = new ProtectedTimeLedger(EntitlementPeriod.MONTH, new BigDecimal("8"), START, END);
        var november = monthly.periodContaining(LocalDate.of(2026, 11, 1));
        var figures = monthly.figures(november, List.of(
                entry("2026-11-03", 120, BookingStatus.USED, null),
                entry("2026-11-10", 90, BookingStatus.LOST, ChangeReason.SERVICE_PRESSURE),
                entry("2026-11-17", 60, BookingStatus.CANCELLED, ChangeReason.SERVICE_PRESSURE),
                entry("2026-11-18", 30, BookingStatus.CANCELLED, ChangeReason.ILLNESS_OR_LEAVE),
                entry("2026-11-24", 180, BookingStatus.BOOKED, null),
                entry("2026-12-01", 240, BookingStatus.BOOKED, null)));
        assertEquals(480, figures.entitledMinutes());
        assertEquals(180, figures.bookedMinutes());
        assertEquals(120, figures.usedMinutes());
        assertEquals(90, figures.lostMinutes());
        assertEquals(90, figures.cancelledMinutes());
        assertEquals(300, figures.committedMinutes(), "booked and used; December's block is another period");
        assertEquals(180, figures.leftMinutes());
        assertEquals(0, figures.overMinutes());
        assertEquals(Map.of(ChangeReason.SERVICE_PRESSURE, 150, ChangeReason.ILLNESS_OR_LEAVE, 30), figures.lostOrCancelledByReason());
        assertFalse(ProtectedTimeLedger.wouldExceed(figures, 180), "exactly the entitlement is within it");
        assertTrue(ProtectedTimeLedger.wouldExceed(figures, 181));
    }

    @Test
    void beyondTheEntitlementShowsHowFar() {
        var weekly = new ProtectedTimeLedger(EntitlementPeriod.WEEK, new BigDecimal("2.5"), START, END);
        var week = weekly.periodContaining(LocalDate.of(2026, 11, 9));
        var figures = weekly.figures(week, List.of(entry("2026-11-09", 120, BookingStatus.USED, null),
                entry("2026-11-13", 60, BookingStatus.BOOKED, null)));
        assertEquals(150, figures.entitledMinutes());
        assertEquals(0, figures.leftMinutes());
        assertEquals(30, figures.overMinutes());
        assertTrue(ProtectedTimeLedger.wouldExceed(figures, 15));
        var none = new ProtectedTimeLedger(EntitlementPeriod.MONTH, BigDecimal.ZERO, START, END);
        assertTrue(ProtectedTimeLedger.wouldExceed(none.figures(none.periodContaining(START), List.of()), 30),
                "with no entitlement every block needs a reason");
    }

    @Test
    void entitledToDateCountsEveryPeriodBegunUpToTheEnd() {
        // Cohort from Monday 7 September 2026 to Friday 5 March 2027.
        assertEquals(0, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.WEEK, 5, START, END, LocalDate.of(2026, 9, 6)), "not started");
        assertEquals(5, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.WEEK, 5, START, END, START), "the first week in full");
        assertEquals(15, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.WEEK, 5, START, END, LocalDate.of(2026, 9, 21)), "third Monday");
        assertEquals(8, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.MONTH, 8, START, END, LocalDate.of(2026, 9, 30)));
        assertEquals(24, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.MONTH, 8, START, END, LocalDate.of(2026, 11, 1)));
        assertEquals(56, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.MONTH, 8, START, END, LocalDate.of(2030, 1, 1)),
                "September to March: seven months, then no more");
        assertEquals(30, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.TOTAL, 30, START, END, LocalDate.of(2026, 9, 8)));
        assertEquals(0, ProtectedTimeLedger.entitledToDate(EntitlementPeriod.MONTH, 0, START, END, LocalDate.of(2026, 10, 1)));
    }

    @Test
    void lengthsReadNaturally() {
        assertEquals("30 minutes", ProtectedTimeLedger.minutesText(30));
        assertEquals("1 hour", ProtectedTimeLedger.minutesText(60));
        assertEquals("1.5 hours", ProtectedTimeLedger.minutesText(90));
        assertEquals("0 hours", ProtectedTimeLedger.minutesText(0));
        assertEquals("7.5 hours", ProtectedTimeLedger.minutesText(450));
    }
}
