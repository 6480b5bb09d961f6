package org.leadingtogether.booking;

import org.leadingtogether.cohort.EntitlementPeriod;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A learner's protected-time ledger for one programme: the periods the entitlement is counted in (a week from
 * Monday, a calendar month, or the whole cohort) and, for each, the hours entitled, booked, used, lost and
 * cancelled. Plain arithmetic with no database, so the rules can be tested alone.
 *
 * <ul>
 *   <li><b>Booked</b> is time still to come, or past and not yet confirmed; <b>used</b> and <b>lost</b> are what
 *       the learner said afterwards; <b>cancelled</b> was given up beforehand.</li>
 *   <li>Booked and used time count against the entitlement. Lost and cancelled time do not: protected time the
 *       service took back can be booked again.</li>
 *   <li>A booking that would take booked plus used beyond the entitlement is allowed only with a reason, and the
 *       programme manager sees it ({@link #wouldExceed}).</li>
 *   <li>Entitled "to date" (the cohort dashboard) counts every period that has begun, from the cohort's start to
 *       today or its end, the current period in full: by the end of a period a learner should have had all of it.</li>
 * </ul>
 */
public final class ProtectedTimeLedger {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** One booking as the ledger counts it: its London day, length, status and, if cancelled or lost, why. */
    public record Entry(LocalDate day, int minutes, BookingStatus status, ChangeReason reason) implements Serializable {
    }

    /** A period of the entitlement, first and last day included. */
    public record Period(LocalDate first, LocalDate last, String label) implements Serializable {

        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /** One period's figures, in minutes (entitled in hours, as the programme sets it). */
    public record Figures(Period period, BigDecimal entitledHours, int bookedMinutes, int usedMinutes, int lostMinutes,
                          int cancelledMinutes, Map<ChangeReason, Integer> lostOrCancelledByReason) implements Serializable {

        public int entitledMinutes() {
            return entitledHours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue();
        }

        /** Booked and used: what counts against the entitlement. */
        public int committedMinutes() {
            return bookedMinutes + usedMinutes;
        }

        /** What can still be booked within the entitlement (never below zero). */
        public int leftMinutes() {
            return Math.max(0, entitledMinutes() - committedMinutes());
        }

        /** How far booked and used time go beyond the entitlement (zero within it). */
        public int overMinutes() {
            return Math.max(0, committedMinutes() - entitledMinutes());
        }
    }

    private final EntitlementPeriod unit;
    private final BigDecimal hours;
    private final LocalDate cohortStart;
    private final LocalDate cohortEnd;

    public ProtectedTimeLedger(EntitlementPeriod unit, BigDecimal hours, LocalDate cohortStart, LocalDate cohortEnd) {
        this.unit = unit == null ? EntitlementPeriod.MONTH : unit;
        this.hours = hours == null ? BigDecimal.ZERO : hours;
        this.cohortStart = cohortStart;
        this.cohortEnd = cohortEnd;
    }

    /** The period of the entitlement that {@code day} falls in. */
    public Period periodContaining(LocalDate day) {
        return switch (unit) {
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6), "Week beginning " + DAY.format(monday));
            }
            case MONTH -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new Period(first, first.plusMonths(1).minusDays(1), MONTH.format(first));
            }
            case TOTAL -> new Period(cohortStart, cohortEnd, "The whole programme, " + DAY.format(cohortStart) + " to " + DAY.format(cohortEnd));
        };
    }

    /** The period before the one {@code day} is in (null for a total entitlement). */
    public LocalDate dayInPreviousPeriod(LocalDate day) {
        return unit == EntitlementPeriod.TOTAL ? null : periodContaining(day).first().minusDays(1);
    }

    /** The period after the one {@code day} is in (null for a total entitlement). */
    public LocalDate dayInNextPeriod(LocalDate day) {
        return unit == EntitlementPeriod.TOTAL ? null : periodContaining(day).last().plusDays(1);
    }

    /** The figures of one period from the bookings given (those outside the period are left out). */
    public Figures figures(Period period, Collection<Entry> entries) {
        int booked = 0;
        int used = 0;
        int lost = 0;
        int cancelled = 0;
        Map<ChangeReason, Integer> byReason = new EnumMap<>(ChangeReason.class);
        for (Entry entry : entries) {
            if (!period.contains(entry.day())) {
                continue;
            }
            switch (entry.status()) {
                case BOOKED -> booked += entry.minutes();
                case USED -> used += entry.minutes();
                case LOST -> lost += entry.minutes();
                case CANCELLED -> cancelled += entry.minutes();
            }
            if ((entry.status() == BookingStatus.LOST || entry.status() == BookingStatus.CANCELLED) && entry.reason() != null) {
                byReason.merge(entry.reason(), entry.minutes(), Integer::sum);
            }
        }
        return new Figures(period, hours, booked, used, lost, cancelled, byReason);
    }

    /** Whether booking {@code minutes} more in the period takes booked and used time beyond the entitlement. */
    public static boolean wouldExceed(Figures figures, int minutes) {
        return figures.committedMinutes() + minutes > figures.entitledMinutes();
    }

    /** "4 hours a month", "2.5 hours a week", "30 hours in total". */
    public String entitlementText() {
        return hoursText(hours) + " " + (hours.compareTo(BigDecimal.ONE) == 0 ? unit.getLabel().replaceFirst("^hours", "hour") : unit.getLabel());
    }

    /**
     * The hours a member is entitled to from the cohort's start to {@code today}: every period begun so far (the
     * current one in full), up to the cohort's end; nothing before it starts; a total entitlement all at once.
     */
    public static double entitledToDate(EntitlementPeriod unit, double hours, LocalDate start, LocalDate end, LocalDate today) {
        return EntitlementPeriod.entitledToDate(unit, hours, start, end, today);
    }

    /** Minutes as hours for people: "1.5 hours", "45 minutes", "1 hour". */
    public static String minutesText(int minutes) {
        if (minutes == 60) {
            return "1 hour";
        }
        if (minutes < 60 && minutes > 0) {
            return minutes + " minutes";
        }
        return hoursText(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)) + " hours";
    }

    static String hoursText(BigDecimal hours) {
        BigDecimal tidy = hours.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return tidy.scale() < 0 ? tidy.setScale(0).toPlainString() : tidy.toPlainString();
    }
}
