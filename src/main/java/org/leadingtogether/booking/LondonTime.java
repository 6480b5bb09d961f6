package org.leadingtogether.booking;

import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Turns a date and a time typed by a person (always London time) into the instant that is stored, and
 * refuses the two kinds of local time that do not name one instant: a time that does not exist (the hour
 * skipped when the clocks go forward, late March) and a time that happens twice (the hour repeated when
 * they go back, late October). Guessing either would put a booking in the wrong hour on someone's calendar.
 */
public final class LondonTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private LondonTime() {
    }

    /** The instant of {@code time} on {@code date} in London; a missing or doubled time is refused at {@code field}. */
    public static Instant resolve(LocalDate date, LocalTime time, String field) {
        if (date == null) {
            throw new BusinessException(field, "Enter the date.");
        }
        if (time == null) {
            throw new BusinessException(field, "Enter the start time, like 14:00.");
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        List<ZoneOffset> offsets = ClockProducer.LONDON.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new BusinessException(field, TIME.format(time) + " does not exist on " + DAY.format(date)
                    + ": the clocks go forward from 01:00 to 02:00 that night. Choose a time from 02:00.");
        }
        if (offsets.size() > 1) {
            throw new BusinessException(field, TIME.format(time) + " happens twice on " + DAY.format(date)
                    + ": the clocks go back from 02:00 to 01:00 that night. Choose a time before 01:00 or from 02:00.");
        }
        return local.toInstant(offsets.get(0));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ClockProducer.LONDON);
    }

    public static LocalTime timeOf(Instant instant) {
        return LocalTime.ofInstant(instant, ClockProducer.LONDON);
    }

    /** "Tuesday 3 March 2026, 14:00 to 15:00", in London time. */
    public static String describe(TimeRange range) {
        return DAY.format(dateOf(range.start())) + ", " + TIME.format(timeOf(range.start())) + " to " + TIME.format(timeOf(range.end()));
    }
}
