package org.leadingtogether.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking of someone's time: a learner's block of protected development time, or a coaching session a
 * coachee booked in one of their coach's slots. Both live in one table so that "nobody holds two overlapping
 * bookings" is one question whatever the kind.
 *
 * <p>Life cycle: {@link BookingStatus#BOOKED} from the start; then {@link #cancel cancelled} beforehand, with a
 * reason, or (protected time) {@link #recordOutcome confirmed} afterwards as used or lost. A coaching session may
 * be {@link #moveTo moved} to another slot. While booked, {@code personSlot} and {@code coachSlot} carry the start,
 * and the database's unique keys on them refuse a second standing booking at the same start for the same person
 * or coach, whatever the code above it does.
 *
 * <p>Every booking is also a calendar event: {@code icalUid} stays the same for its whole life and
 * {@code icalSequence} goes up with each change (a move, a cancellation), as RFC 5545 asks, so calendars update
 * the event they already have instead of adding a second one.
 */
@Entity
@Table(name = "booking")
public class Booking extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int REASON_MAX = 1_000;
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 8 * 60;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BookingKind kind;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "coach_id", updatable = false)
    private Long coachId;

    @Column(name = "pairing_id", updatable = false)
    private Long pairingId;

    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "cohort_id", updatable = false)
    private Long cohortId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int minutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(name = "module_key", length = 100, updatable = false)
    private String moduleKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingStatus status;

    @Column(name = "over_entitlement", nullable = false, updatable = false)
    private boolean overEntitlement;

    @Column(name = "over_reason", length = REASON_MAX, updatable = false)
    private String overReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason")
    private ChangeReason closedReason;

    @Column(name = "closed_note", length = REASON_MAX)
    private String closedNote;

    @Column(name = "closed_by")
    private Long closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "booked_by", nullable = false, updatable = false)
    private long bookedBy;

    @Column(name = "ical_uid", nullable = false, updatable = false, length = 100)
    private String icalUid;

    @Column(name = "ical_sequence", nullable = false)
    private int icalSequence;

    @Column(name = "person_slot")
    private Instant personSlot;

    @Column(name = "coach_slot")
    private Instant coachSlot;

    protected Booking() {
    }

    private Booking(BookingKind kind, long personId, TimeRange range, Purpose purpose, long bookedBy) {
        int length = range.minutes();
        if (length < MIN_MINUTES || length > MAX_MINUTES) {
            throw new BusinessException("minutes", "A booking lasts from " + MIN_MINUTES + " minutes to " + MAX_MINUTES / 60 + " hours.");
        }
        this.kind = kind;
        this.personId = personId;
        this.purpose = purpose;
        this.bookedBy = bookedBy;
        this.status = BookingStatus.BOOKED;
        this.icalUid = UUID.randomUUID() + "@leadingtogether";
        place(range);
    }

    /**
     * A learner's block of protected time. Beyond the entitlement it needs a reason, which the programme
     * manager sees; within it, no reason is kept.
     */
    public static Booking protectedTime(long personId, Long cohortId, TimeRange range, Purpose purpose, String moduleKey,
                                        boolean overEntitlement, String overReason) {
        if (purpose == null) {
            throw new BusinessException("purpose", "Choose what the time is for.");
        }
        Booking booking = new Booking(BookingKind.PROTECTED_TIME, personId, range, purpose, personId);
        booking.cohortId = cohortId;
        booking.moduleKey = moduleKey == null || moduleKey.isBlank() ? null : moduleKey;
        booking.overEntitlement = overEntitlement;
        if (overEntitlement) {
            String reason = tidy(overReason, "overReason");
            if (reason == null) {
                throw new BusinessException("overReason", "This goes beyond your protected-time entitlement. Say why you need the extra time; "
                        + "your programme manager will see it.");
            }
            booking.overReason = reason;
        }
        return booking;
    }

    /** A coaching session booked by the coachee in one of the coach's slots, recorded as session {@code sessionId}. */
    public static Booking coaching(long coacheeId, long coachId, long pairingId, long sessionId, Long cohortId, TimeRange range) {
        return coaching(coacheeId, coachId, pairingId, sessionId, cohortId, range, coacheeId);
    }

    /** A coaching session booked by {@code bookedBy} (the coachee in a slot, or the coach writing it in the records). */
    public static Booking coaching(long coacheeId, long coachId, long pairingId, long sessionId, Long cohortId, TimeRange range, long bookedBy) {
        Booking booking = new Booking(BookingKind.COACHING, coacheeId, range, Purpose.COACHING, bookedBy);
        booking.coachId = coachId;
        booking.pairingId = pairingId;
        booking.sessionId = sessionId;
        booking.cohortId = cohortId;
        booking.coachSlot = booking.startsAt;
        return booking;
    }

    private void place(TimeRange range) {
        this.startsAt = range.start();
        this.endsAt = range.end();
        this.minutes = range.minutes();
        this.personSlot = startsAt;
        if (kind == BookingKind.COACHING) {
            this.coachSlot = startsAt;
        }
    }

    /** Whether the booking still holds its time. */
    public boolean isActive() {
        return status == BookingStatus.BOOKED;
    }

    /** Whether {@code person} is one of the two sides of this booking (the learner or coachee, or the coach). */
    public boolean involves(long person) {
        return person == personId || (coachId != null && person == coachId);
    }

    /**
     * Refuses a change (cancelling, moving) of a coaching session later than {@code notice} before it starts:
     * after that the other side may already be on their way.
     */
    public void checkChangeable(Instant now, Duration notice) {
        if (!isActive()) {
            throw new BusinessException("This booking is " + status.getLabel().toLowerCase() + " and can no longer be changed.");
        }
        if (!now.isBefore(startsAt.minus(notice))) {
            throw new BusinessException(startsAt.isAfter(now)
                    ? "It is less than " + notice.toHours() + " hours before the session, too late to change it here. Please tell the other person directly."
                    : "This session has already started.");
        }
    }

    /** Cancels the booking beforehand, with the reason the other side (and the ledger) will see. */
    public void cancel(long by, ChangeReason reason, String note, Instant now) {
        if (!isActive()) {
            throw new BusinessException("This booking is already " + status.getLabel().toLowerCase() + ".");
        }
        if (!now.isBefore(endsAt)) {
            throw new BusinessException("This time has passed: say whether it was used instead of cancelling it.");
        }
        close(BookingStatus.CANCELLED, by, reason, note, now);
        icalSequence++;
    }

    /** After a block of protected time: the learner says whether it was used, or lost (and why). */
    public void recordOutcome(boolean used, ChangeReason reason, String note, Instant now) {
        if (kind != BookingKind.PROTECTED_TIME) {
            throw new BusinessException("Coaching sessions are recorded with the coaching records.");
        }
        if (!isActive()) {
            throw new BusinessException("This block is already recorded as " + status.getLabel().toLowerCase() + ".");
        }
        if (now.isBefore(endsAt)) {
            throw new BusinessException("You can say how the time went once it has ended.");
        }
        if (used) {
            status = BookingStatus.USED;
            closedBy = personId;
            closedAt = now;
            personSlot = null;
        } else {
            close(BookingStatus.LOST, personId, reason, note, now);
        }
    }

    private void close(BookingStatus next, long by, ChangeReason reason, String note, Instant now) {
        if (reason == null) {
            throw new BusinessException("reason", "Choose the reason.");
        }
        String tidy = tidy(note, "note");
        if (reason == ChangeReason.OTHER && tidy == null) {
            throw new BusinessException("note", "Say briefly what the reason was.");
        }
        status = next;
        closedReason = reason;
        closedNote = tidy;
        closedBy = by;
        closedAt = now;
        personSlot = null;
        coachSlot = null;
    }

    /** Moves a coaching session to another slot, now recorded as session {@code newSessionId}. */
    public void moveTo(TimeRange range, long newSessionId) {
        if (kind != BookingKind.COACHING || !isActive()) {
            throw new BusinessException("Only a booked coaching session can be moved.");
        }
        place(range);
        sessionId = newSessionId;
        icalSequence++;
    }

    public TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }

    private static String tidy(String text, String field) {
        String tidy = text == null || text.isBlank() ? null : text.strip();
        if (tidy != null && tidy.length() > REASON_MAX) {
            throw new BusinessException(field, "Keep it under " + REASON_MAX + " characters.");
        }
        return tidy;
    }

    public BookingKind getKind() {
        return kind;
    }

    public long getPersonId() {
        return personId;
    }

    public Long getCoachId() {
        return coachId;
    }

    public Long getPairingId() {
        return pairingId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public int getMinutes() {
        return minutes;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getModuleKey() {
        return moduleKey;
    }

    public BookingStatus getStatus() {
        return status;
    }

    public boolean isOverEntitlement() {
        return overEntitlement;
    }

    public String getOverReason() {
        return overReason;
    }

    public ChangeReason getClosedReason() {
        return closedReason;
    }

    public String getClosedNote() {
        return closedNote;
    }

    public Long getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getBookedBy() {
        return bookedBy;
    }

    public String getIcalUid() {
        return icalUid;
    }

    public int getIcalSequence() {
        return icalSequence;
    }
}
