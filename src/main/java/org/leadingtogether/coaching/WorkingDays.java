package org.leadingtogether.coaching;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Counts working days (Monday to Friday) for the deadline a coach has to answer a request. Bank holidays are
 * not counted out: they differ between the four nations, and a day's grace matters less than a rule everyone
 * can check on a calendar.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code from} (a request made on a Friday with 1 day is due Monday). */
    public static LocalDate add(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days cannot be negative: " + days);
        }
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
