package org.leadingtogether.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A coach's repeating availability, such as "every Tuesday, 14:00 to 16:00, in 60-minute sessions with 15
 * minutes between them, bookable up to 24 hours before". Times are London wall-clock times, so the pattern
 * keeps to 14:00 on both sides of the clock changes. {@link SlotGenerator} cuts it into slots.
 */
@Entity
@Table(name = "coach_slot_pattern")
public class SlotPattern extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int MAX_BUFFER = 120;
    public static final int MAX_NOTICE_HOURS = 24 * 28;

    @Column(name = "coach_id", nullable = false, updatable = false)
    private long coachId;

    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    @Column(name = "from_time", nullable = false)
    private LocalTime fromTime;

    @Column(name = "until_time", nullable = false)
    private LocalTime untilTime;

    @Column(name = "session_minutes", nullable = false)
    private int sessionMinutes;

    @Column(name = "buffer_minutes", nullable = false)
    private int bufferMinutes;

    @Column(name = "notice_hours", nullable = false)
    private int noticeHours;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day")
    private LocalDate lastDay;

    protected SlotPattern() {
    }

    /** A checked pattern: the window holds at least one session, and the dates are in order. */
    public SlotPattern(long coachId, SlotGenerator.PatternRule rule) {
        check(rule);
        this.coachId = coachId;
        this.dayOfWeek = rule.day().getValue();
        this.fromTime = rule.from();
        this.untilTime = rule.until();
        this.sessionMinutes = rule.sessionMinutes();
        this.bufferMinutes = rule.bufferMinutes();
        this.noticeHours = rule.noticeHours();
        this.firstDay = rule.firstDay();
        this.lastDay = rule.lastDay();
    }

    static void check(SlotGenerator.PatternRule rule) {
        if (rule.day() == null) {
            throw new BusinessException("day", "Choose the day of the week.");
        }
        if (rule.from() == null) {
            throw new BusinessException("from", "Enter the time the sessions start, like 14:00.");
        }
        if (rule.until() == null || !rule.until().isAfter(rule.from())) {
            throw new BusinessException("until", "Enter a finishing time after the starting time, on the same day.");
        }
        if (rule.sessionMinutes() < Booking.MIN_MINUTES || rule.sessionMinutes() > 240) {
            throw new BusinessException("sessionMinutes", "A session lasts from 15 to 240 minutes.");
        }
        if (rule.from().plusMinutes(rule.sessionMinutes()).isAfter(rule.until())
                || rule.from().plusMinutes(rule.sessionMinutes()).isBefore(rule.from())) {
            throw new BusinessException("until", "The time from start to finish is shorter than one session.");
        }
        if (rule.bufferMinutes() < 0 || rule.bufferMinutes() > MAX_BUFFER) {
            throw new BusinessException("bufferMinutes", "Choose a break between sessions of 0 to " + MAX_BUFFER + " minutes.");
        }
        if (rule.noticeHours() < 0 || rule.noticeHours() > MAX_NOTICE_HOURS) {
            throw new BusinessException("noticeHours", "Choose a notice of 0 to " + MAX_NOTICE_HOURS + " hours.");
        }
        if (rule.firstDay() == null) {
            throw new BusinessException("firstDay", "Enter the first day the pattern applies.");
        }
        if (rule.lastDay() != null && rule.lastDay().isBefore(rule.firstDay())) {
            throw new BusinessException("lastDay", "The last day must be on or after the first day.");
        }
    }

    /**
     * Whether two patterns could offer slots at the same time: the same day of the week, windows that share a minute
     * (back to back is fine) and dates that share a day (a pattern without a last day runs on). A coach's patterns
     * must not, or the same hour would be offered twice over and the slots shown would not be the ones meant.
     */
    public static boolean overlap(SlotGenerator.PatternRule a, SlotGenerator.PatternRule b) {
        return a.day() == b.day()
                && a.from().isBefore(b.until()) && b.from().isBefore(a.until())
                && (a.lastDay() == null || !b.firstDay().isAfter(a.lastDay()))
                && (b.lastDay() == null || !a.firstDay().isAfter(b.lastDay()));
    }

    /** Refuses {@code rule} at its starting time when it overlaps one of {@code existing}, naming that pattern. */
    static void checkNoOverlap(SlotGenerator.PatternRule rule, java.util.List<SlotGenerator.PatternRule> existing) {
        check(rule);
        for (SlotGenerator.PatternRule other : existing) {
            if (overlap(rule, other)) {
                throw new BusinessException("from", "This overlaps your pattern on " + other.day().getDisplayName(java.time.format.TextStyle.FULL,
                        java.util.Locale.UK) + "s, " + other.from() + " to " + other.until()
                        + ". Choose times that do not overlap it, or withdraw that pattern first.");
            }
        }
    }

    public SlotGenerator.PatternRule rule() {
        return new SlotGenerator.PatternRule(getId() == null ? 0 : getId(), DayOfWeek.of(dayOfWeek), fromTime, untilTime,
                sessionMinutes, bufferMinutes, noticeHours, firstDay, lastDay);
    }

    public long getCoachId() {
        return coachId;
    }
}
