package org.leadingtogether.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

/** An action agreed in coaching, which both coach and coachee see and either may tick off. */
@Entity
@Table(name = "coaching_action")
public class CoachingAction extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int TEXT_MAX = 1_000;

    @Column(name = "pairing_id", nullable = false, updatable = false)
    private long pairingId;

    @Column(name = "session_id", updatable = false)
    private Long sessionId;

    @Column(name = "action_text", nullable = false, length = TEXT_MAX)
    private String text;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    protected CoachingAction() {
    }

    public CoachingAction(long pairingId, Long sessionId, String text, long createdBy) {
        if (text == null || text.isBlank()) {
            throw new BusinessException("action", "Write the action: what, and by when if you can.");
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new BusinessException("action", "Keep an action under " + TEXT_MAX + " characters.");
        }
        this.pairingId = pairingId;
        this.sessionId = sessionId;
        this.text = text.strip();
        this.createdBy = createdBy;
    }

    public void setDone(boolean done) {
        this.done = done;
    }

    public long getPairingId() {
        return pairingId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getText() {
        return text;
    }

    public boolean isDone() {
        return done;
    }

    public long getCreatedBy() {
        return createdBy;
    }
}
