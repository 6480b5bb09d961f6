package org.leadingtogether.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;

/** One slot a coach offers on its own, outside their patterns: a start, a length and a minimum notice. */
@Entity
@Table(name = "coach_one_off_slot")
public class OneOffSlot extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "coach_id", nullable = false, updatable = false)
    private long coachId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "notice_hours", nullable = false)
    private int noticeHours;

    protected OneOffSlot() {
    }

    public OneOffSlot(long coachId, Instant startsAt, int minutes, int noticeHours, Instant now) {
        if (minutes < Booking.MIN_MINUTES || minutes > 240) {
            throw new BusinessException("oneOffMinutes", "A session lasts from 15 to 240 minutes.");
        }
        if (noticeHours < 0 || noticeHours > SlotPattern.MAX_NOTICE_HOURS) {
            throw new BusinessException("oneOffNotice", "Choose a notice of 0 to " + SlotPattern.MAX_NOTICE_HOURS + " hours.");
        }
        if (!startsAt.isAfter(now)) {
            throw new BusinessException("oneOffDate", "Choose a time in the future.");
        }
        this.coachId = coachId;
        this.startsAt = startsAt;
        this.minutes = minutes;
        this.noticeHours = noticeHours;
    }

    public SlotGenerator.OneOff rule() {
        return new SlotGenerator.OneOff(getId() == null ? 0 : getId(), startsAt, minutes, noticeHours);
    }

    public long getCoachId() {
        return coachId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }
}
