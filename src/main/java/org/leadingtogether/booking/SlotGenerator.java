package org.leadingtogether.booking;

import org.leadingtogether.platform.ClockProducer;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a coach's availability (repeating patterns and one-off slots) into the slots a coachee can book, in
 * plain Java with no database, so the rules can be read and tested alone.
 *
 * <ul>
 *   <li>A pattern's window is London wall-clock time: sessions start at {@code from}, then every session length
 *       plus buffer, while a whole session still ends by {@code until}.</li>
 *   <li>On the night the clocks go forward, a start that does not exist (01:00 to 01:59) is skipped; on the night
 *       they go back, a start that happens twice takes its first (summer-time) occurrence. A session's length is
 *       real elapsed time, so a session across the change still lasts what it says.</li>
 *   <li>A slot is free when no booking of the coach lies within the pattern's buffer of it, when it starts at least
 *       its notice after now, and when it has not started.</li>
 * </ul>
 */
public final class SlotGenerator {

    private static final ZoneId LONDON = ClockProducer.LONDON;

    /** A repeating pattern, as {@link SlotPattern} keeps it. {@code lastDay} null: no end. */
    public record PatternRule(long id, DayOfWeek day, LocalTime from, LocalTime until, int sessionMinutes, int bufferMinutes,
                              int noticeHours, LocalDate firstDay, LocalDate lastDay) implements Serializable {
    }

    /** One slot offered on its own. */
    public record OneOff(long id, Instant start, int minutes, int noticeHours) implements Serializable {
    }

    /** A bookable slot: when, and the buffer its pattern keeps around it. */
    public record Slot(TimeRange range, int bufferMinutes, int noticeHours) implements Serializable {

        public Instant start() {
            return range.start();
        }

        public Instant end() {
            return range.end();
        }

        public int minutes() {
            return range.minutes();
        }
    }

    private SlotGenerator() {
    }

    /** Every slot the patterns and one-off slots offer on the London days {@code from} to {@code to}, busy or not. */
    public static List<Slot> offered(Collection<PatternRule> patterns, Collection<OneOff> oneOffs, LocalDate from, LocalDate to) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (PatternRule pattern : patterns) {
                if (applies(pattern, day)) {
                    slots.addAll(cut(pattern, day));
                }
            }
        }
        for (OneOff oneOff : oneOffs) {
            LocalDate day = LocalDate.ofInstant(oneOff.start(), LONDON);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                slots.add(new Slot(TimeRange.of(oneOff.start(), oneOff.minutes()), 0, oneOff.noticeHours()));
            }
        }
        // One slot per start and length, even if a pattern and a one-off slot both offer it.
        Map<TimeRange, Slot> unique = new LinkedHashMap<>();
        slots.stream().sorted(Comparator.comparing(Slot::start).thenComparing(Slot::end))
                .forEach(slot -> unique.putIfAbsent(slot.range(), slot));
        return List.copyOf(unique.values());
    }

    /** The slots that can be booked at {@code now}: offered, clear of {@code busy} (with buffers), and with notice. */
    public static List<Slot> free(Collection<PatternRule> patterns, Collection<OneOff> oneOffs, Collection<TimeRange> busy,
                                  LocalDate from, LocalDate to, Instant now) {
        return offered(patterns, oneOffs, from, to).stream().filter(slot -> isFree(slot, busy, now)).toList();
    }

    /** Whether one offered slot can be booked at {@code now}. */
    public static boolean isFree(Slot slot, Collection<TimeRange> busy, Instant now) {
        if (slot.start().isBefore(now.plus(Duration.ofHours(slot.noticeHours()))) || !slot.start().isAfter(now)) {
            return false;
        }
        TimeRange guarded = slot.range().widen(slot.bufferMinutes());
        return busy.stream().noneMatch(guarded::overlaps);
    }

    private static boolean applies(PatternRule pattern, LocalDate day) {
        return day.getDayOfWeek() == pattern.day() && !day.isBefore(pattern.firstDay())
                && (pattern.lastDay() == null || !day.isAfter(pattern.lastDay()));
    }

    /** The sessions of one pattern on one day. */
    static List<Slot> cut(PatternRule pattern, LocalDate day) {
        List<Slot> slots = new ArrayList<>();
        Instant windowEnd = ZonedDateTime.of(day, pattern.until(), LONDON).toInstant();
        int step = pattern.sessionMinutes() + pattern.bufferMinutes();
        Instant previousEnd = null;
        for (LocalTime start = pattern.from(); start.isBefore(pattern.until()); ) {
            LocalDateTime local = LocalDateTime.of(day, start);
            if (!LONDON.getRules().getValidOffsets(local).isEmpty()) {
                Instant begins = ZonedDateTime.ofLocal(local, LONDON, null).toInstant();
                TimeRange range = TimeRange.of(begins, pattern.sessionMinutes());
                if (range.end().isAfter(windowEnd)) {
                    break;
                }
                boolean clearOfPrevious = previousEnd == null
                        || !begins.isBefore(previousEnd.plus(Duration.ofMinutes(pattern.bufferMinutes())));
                if (clearOfPrevious) {
                    slots.add(new Slot(range, pattern.bufferMinutes(), pattern.noticeHours()));
                    previousEnd = range.end();
                }
            }
            LocalTime next = start.plusMinutes(step);
            if (!next.isAfter(start)) {
                break; // past midnight
            }
            start = next;
        }
        return slots;
    }
}
