package org.leadingtogether.booking.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.leadingtogether.booking.LondonTime;
import org.leadingtogether.booking.ProtectedTimeLedger;
import org.leadingtogether.booking.TimeRange;
import org.leadingtogether.platform.ClockProducer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Booking times as pages show them, always London time: "Tuesday 3 March 2026", "14:00", "2.5 hours". */
@Named
@ApplicationScoped
public class BookingTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ClockProducer.LONDON);

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String dayOf(Instant instant) {
        return instant == null ? "" : DAY.format(LondonTime.dateOf(instant));
    }

    /** A moment for people: "3 December 2026, 14:05" (London time); empty for none. */
    public String moment(Instant instant) {
        return instant == null ? "" : dayOf(instant) + ", " + time(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String clock(LocalTime time) {
        return time == null ? "" : time.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** "Tuesday 3 March 2026, 14:00 to 15:00". */
    public String range(Instant start, Instant end) {
        return start == null || end == null ? "" : LondonTime.describe(new TimeRange(start, end));
    }

    public String length(int minutes) {
        return ProtectedTimeLedger.minutesText(minutes);
    }

    /** How long before a slot it may still be booked: "2 hours", "24 hours", "7 days" (whole days from two days up). */
    public String notice(int hours) {
        return noticeText(hours);
    }

    /** The same as {@link #notice}, for Java code. */
    public static String noticeText(int hours) {
        return hours >= 48 && hours % 24 == 0
                ? org.leadingtogether.platform.web.Counts.text(hours / 24, "day")
                : org.leadingtogether.platform.web.Counts.text(hours, "hour");
    }

    /** How far ahead free slots are shown, to coach and coachee alike: "4 weeks". */
    public String getSlotHorizon() {
        return org.leadingtogether.booking.BookingService.SLOT_DAYS % 7 == 0
                ? org.leadingtogether.platform.web.Counts.text(org.leadingtogether.booking.BookingService.SLOT_DAYS / 7, "week")
                : org.leadingtogether.platform.web.Counts.text(org.leadingtogether.booking.BookingService.SLOT_DAYS, "day");
    }

    public String weekday(DayOfWeek day) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
