package org.leadingtogether.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a member's status: what it became, when, why, and who changed it. */
@Entity
@Table(name = "membership_event")
public class MembershipEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "membership_id")
    private CohortMembership membership;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MembershipStatus status;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(length = CohortMembership.REASON_MAX)
    private String reason;

    @Column(name = "changed_by")
    private Long changedBy;

    protected MembershipEvent() {
    }

    MembershipEvent(CohortMembership membership, MembershipStatus status, Instant changedAt, String reason, Long changedBy) {
        this.membership = membership;
        this.status = status;
        this.changedAt = changedAt;
        this.reason = reason;
        this.changedBy = changedBy;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getReason() {
        return reason;
    }
}
