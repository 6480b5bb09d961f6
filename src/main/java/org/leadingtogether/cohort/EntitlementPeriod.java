package org.leadingtogether.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** How a programme's protected-time entitlement is counted. */
public enum EntitlementPeriod {
    WEEK("hours a week"),
    MONTH("hours a month"),
    TOTAL("hours in total");

    private final String label;

    EntitlementPeriod(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /**
     * The hours a member is entitled to from the cohort's start to {@code today}: every period begun so far (the
     * current one in full), up to the cohort's end; nothing before it starts; a total entitlement all at once. Kept
     * here, with the programme's setting it reads, so the cohort dashboard and the booking ledger count alike.
     */
    public static double entitledToDate(EntitlementPeriod unit, double hours, LocalDate start, LocalDate end, LocalDate today) {
        if (start == null || today.isBefore(start) || hours <= 0) {
            return 0;
        }
        LocalDate last = end == null || today.isBefore(end) ? today : end;
        long periods = switch (unit == null ? MONTH : unit) {
            case WEEK -> ChronoUnit.WEEKS.between(start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(start.withDayOfMonth(1), last.withDayOfMonth(1)) + 1;
            case TOTAL -> 1;
        };
        return hours * periods;
    }
}
