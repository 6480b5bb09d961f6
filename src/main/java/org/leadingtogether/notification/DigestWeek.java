package org.leadingtogether.notification;

import org.leadingtogether.platform.ClockProducer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly digest's week: it starts on Monday at 08:00, London time, and a line waiting from before the start of
 * the current week is due in that week's digest.
 *
 * <p>Why a week rather than a moment: the digest used to be sent by a timer at exactly eight on Monday. If the portal
 * was restarting then, or its database could not be reached, nobody's digest went that week, and what it would have
 * listed waited for the next Monday. Now the digest is sent by a check every few minutes ({@link NotificationJobs})
 * that sends everyone who has a line from before the start of the week still waiting: at eight on a Monday that is
 * everybody with something to hear, and at any later check only those whose digest was missed. A line that came after
 * eight on Monday waits for the next week's, as before.
 */
public final class DigestWeek {

    /** When the week, and so the digest, starts. */
    public static final DayOfWeek DAY = DayOfWeek.MONDAY;

    /** The time of day, in London, at which the digest goes. */
    public static final LocalTime AT = LocalTime.of(8, 0);

    private DigestWeek() {
    }

    /** The start of the week {@code now} is in: the latest Monday 08:00, London time, at or before it. */
    public static Instant start(Instant now) {
        ZonedDateTime london = now.atZone(ClockProducer.LONDON);
        ZonedDateTime start = london.toLocalDate().with(TemporalAdjusters.previousOrSame(DAY)).atTime(AT).atZone(ClockProducer.LONDON);
        return (start.isAfter(london) ? start.minusWeeks(1) : start).toInstant();
    }
}
