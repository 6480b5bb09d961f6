package org.leadingtogether.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.leadingtogether.platform.ClockProducer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as pages show them: London time, British style ("3 March 2026, 14:05"). */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ClockProducer.LONDON);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ClockProducer.LONDON);

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
