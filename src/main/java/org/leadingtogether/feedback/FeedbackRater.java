package org.leadingtogether.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * Someone a learner invited to rate them, in a group. It records only whether they have answered, never when, and
 * nothing leads from it to their answers: the learner sees how many in each group have answered, never who.
 */
@Entity
@Table(name = "feedback_rater")
public class FeedbackRater extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "request_id", nullable = false, updatable = false)
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Relationship relationship;

    @Column(nullable = false, updatable = false, length = RaterList.ADDRESS_MAX)
    private String email;

    /** Read only: set by one conditional update when the answers are sent, so they are taken once. */
    @Column(insertable = false, updatable = false)
    private boolean answered;

    @Column(nullable = false)
    private int reminders;

    protected FeedbackRater() {
    }

    FeedbackRater(long requestId, Relationship relationship, String email) {
        this.requestId = requestId;
        this.relationship = relationship;
        this.email = email;
    }

    void reminded() {
        reminders++;
    }

    public long getRequestId() {
        return requestId;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public String getEmail() {
        return email;
    }

    public boolean isAnswered() {
        return answered;
    }

    public int getReminders() {
        return reminders;
    }
}
