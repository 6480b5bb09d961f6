package org.leadingtogether.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A coach and a coachee working together, from the proposal to the end. The life cycle is in
 * {@link PairingState}; every change goes through a method here that refuses a move the life cycle does not
 * allow (accepting an ended pairing, say), so no page or service can skip a step.
 *
 * <p>The reason for ending is private to whoever ended it: it is never shown to the manager or to the other
 * side, so nobody has to explain themselves to end a pairing that does not work.
 */
@Entity
@Table(name = "coaching_pairing")
public class Pairing extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int REASON_MAX = 1_000;

    @Column(name = "coach_id", nullable = false, updatable = false)
    private long coachId;

    @Column(name = "coachee_id", nullable = false, updatable = false)
    private long coacheeId;

    @Column(name = "cohort_id", updatable = false)
    private Long cohortId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PairingState state;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private long proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "respond_by", nullable = false)
    private LocalDate respondBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "active_at")
    private Instant activeAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private Long endedBy;

    @Column(name = "end_reason", length = REASON_MAX)
    private String endReason;

    protected Pairing() {
    }

    /** A proposal to {@code coachId}, who answers by {@code respondBy}. */
    public Pairing(long coachId, long coacheeId, Long cohortId, long proposedBy, Instant now, LocalDate respondBy) {
        if (coachId == coacheeId) {
            throw new BusinessException("Nobody can coach themselves.");
        }
        this.coachId = coachId;
        this.coacheeId = coacheeId;
        this.cohortId = cohortId;
        this.proposedBy = proposedBy;
        this.proposedAt = now;
        this.respondBy = respondBy;
        this.state = PairingState.PROPOSED;
    }

    /** Whether the coach let the answer date pass without answering. */
    public boolean isOverdue(LocalDate today) {
        return state == PairingState.PROPOSED && today.isAfter(respondBy);
    }

    /** The coach says yes: the pairing starts with a first "chemistry" conversation. */
    public void accept(Instant now, LocalDate today) {
        if (isOverdue(today)) {
            state = PairingState.EXPIRED;
            throw new BusinessException("This request was to be answered by " + respondBy + " and has expired; the programme manager can propose it again.");
        }
        move(PairingState.CHEMISTRY, "accept");
        acceptedAt = now;
    }

    /** The coach says no, or the answer date passed: the place is freed and the manager proposes someone else. */
    public void decline(Instant now) {
        move(PairingState.DECLINED, "decline");
        endedAt = now;
    }

    public void expire(Instant now) {
        move(PairingState.EXPIRED, "expire");
        endedAt = now;
    }

    /** Both sides have agreed the coaching agreement: coaching proper begins. */
    public void activate(Instant now) {
        move(PairingState.ACTIVE, "start");
        activeAt = now;
    }

    /** Either side ends the pairing, with an optional reason only they will see. */
    public void end(long by, String reason, Instant now) {
        if (by != coachId && by != coacheeId) {
            throw new BusinessException("Only the coach or the coachee can end a pairing.");
        }
        move(PairingState.ENDED, "end");
        endedBy = by;
        endedAt = now;
        endReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (endReason != null && endReason.length() > REASON_MAX) {
            throw new BusinessException("endReason", "Keep the reason under " + REASON_MAX + " characters.");
        }
    }

    private void move(PairingState next, String action) {
        if (!state.canMoveTo(next)) {
            throw new BusinessException("A pairing that is " + state.getLabel().toLowerCase() + " cannot " + action + " now.");
        }
        state = next;
    }

    public boolean involves(long personId) {
        return personId == coachId || personId == coacheeId;
    }

    public long getCoachId() {
        return coachId;
    }

    public long getCoacheeId() {
        return coacheeId;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public PairingState getState() {
        return state;
    }

    public long getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public LocalDate getRespondBy() {
        return respondBy;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getActiveAt() {
        return activeAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Long getEndedBy() {
        return endedBy;
    }

    /** The private reason for ending; only ever shown to {@link #getEndedBy()}. */
    public String getEndReason() {
        return endReason;
    }
}
