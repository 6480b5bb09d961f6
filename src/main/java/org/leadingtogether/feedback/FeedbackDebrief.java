package org.leadingtogether.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * A coach's note of the debrief of a 360 shared with them, kept with the pairing it was written in: the learner reads
 * every note on their report; a coach reads only the notes of their own pairing, never a former coach's.
 */
@Entity
@Table(name = "feedback_debrief")
public class FeedbackDebrief extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int BODY_MAX = 4000;

    @Column(name = "request_id", nullable = false, updatable = false)
    private long requestId;

    @Column(name = "pairing_id", nullable = false, updatable = false)
    private long pairingId;

    @Column(nullable = false, updatable = false)
    private String body;

    protected FeedbackDebrief() {
    }

    FeedbackDebrief(long requestId, long pairingId, String body) {
        this.requestId = requestId;
        this.pairingId = pairingId;
        this.body = body;
    }

    public long getRequestId() {
        return requestId;
    }

    public long getPairingId() {
        return pairingId;
    }

    public String getBody() {
        return body;
    }
}
