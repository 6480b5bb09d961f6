package org.leadingtogether.booking;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time from {@code start} (included) to {@code end} (excluded). Two ranges overlap when each
 * starts before the other ends, so back-to-back bookings (one ending at 15:00, the next starting at 15:00)
 * do not.
 */
public record TimeRange(Instant start, Instant end) implements Serializable {

    public TimeRange {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("A time range ends after it starts: " + start + " to " + end);
        }
    }

    public static TimeRange of(Instant start, int minutes) {
        return new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** This range widened by {@code minutes} on both sides: a slot's buffer. */
    public TimeRange widen(int minutes) {
        return new TimeRange(start.minus(Duration.ofMinutes(minutes)), end.plus(Duration.ofMinutes(minutes)));
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }
}
