package org.leadingtogether.cohort;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.leadingtogether.account.Person;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's place in a cohort. Its status changes over time (enrolled, deferred, withdrawn, completed),
 * each change recorded as a {@link MembershipEvent} with its date and reason; nothing is deleted.
 *
 * <p>A person holds one place in a programme: enrolled or completed in at most one of its cohorts at a time (a
 * person deferred or withdrawn from one cohort may join another, which is what deferring is for). And only an
 * active account is enrolled. Both rules hold however someone is enrolled, one by one or from a file, and when a
 * former member is made active again; {@link #refusal} says why not in the same words everywhere.
 */
@Entity
@Table(name = "cohort_membership")
public class CohortMembership extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int REASON_MAX = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cohort_id")
    private Cohort cohort;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MembershipStatus status;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "status_reason", length = REASON_MAX)
    private String statusReason;

    @OneToMany(mappedBy = "membership", cascade = CascadeType.ALL)
    @OrderBy("changedAt")
    private List<MembershipEvent> events = new ArrayList<>();

    protected CohortMembership() {
    }

    public CohortMembership(Cohort cohort, Person person, Instant now, Long changedBy) {
        this.cohort = cohort;
        this.person = person;
        this.enrolledAt = now;
        change(MembershipStatus.ENROLLED, null, now, changedBy);
    }

    /**
     * Why {@code who} cannot take a place in a cohort, if they cannot: their account is deactivated, or they are
     * already enrolled in (or completed) {@code otherCohort} of the same programme ({@code null} when not).
     */
    public static java.util.Optional<String> refusal(String who, boolean activeAccount, String otherCohort) {
        if (!activeAccount) {
            return java.util.Optional.of(who + " has a deactivated account, so they cannot be enrolled. An administrator can"
                    + " activate it again under Administration → People.");
        }
        if (otherCohort != null) {
            return java.util.Optional.of(who + " is already in " + otherCohort + " of this programme, and a person holds one place"
                    + " in a programme. Withdraw or defer them there first.");
        }
        return java.util.Optional.empty();
    }

    /** Moves to another status, with an optional reason; the change is kept in the history. */
    public void changeStatus(MembershipStatus next, String reason, Instant now, Long changedBy) {
        if (next == status) {
            throw new BusinessException("status", "The member is already " + status.getLabel().toLowerCase() + ".");
        }
        if (reason != null && reason.length() > REASON_MAX) {
            throw new BusinessException("reason", "Keep the reason to " + REASON_MAX + " characters or fewer.");
        }
        change(next, reason, now, changedBy);
    }

    private void change(MembershipStatus next, String reason, Instant now, Long changedBy) {
        status = next;
        statusChangedAt = now;
        statusReason = reason == null || reason.isBlank() ? null : reason.strip();
        events.add(new MembershipEvent(this, next, now, statusReason, changedBy));
    }

    public Cohort getCohort() {
        return cohort;
    }

    public Person getPerson() {
        return person;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public List<MembershipEvent> getEvents() {
        return events;
    }
}
