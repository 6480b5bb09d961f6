package org.leadingtogether.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.time.Instant;

/**
 * One learner's 360 in one round, against the framework that was active when they opened it (so a report always
 * compares like with like). It is the learner's: they rate themselves, invite raters, read the report, and may
 * share it with their current coach through that pairing (unshared again, or ended with the pairing, it is theirs
 * alone). The number of answers is kept here as they arrive.
 */
@Entity
@Table(name = "feedback_request")
public class FeedbackRequest extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "round_id", nullable = false, updatable = false)
    private long roundId;

    @Column(name = "learner_id", nullable = false, updatable = false)
    private long learnerId;

    @Column(name = "framework_id", nullable = false, updatable = false)
    private long frameworkId;

    @Column(name = "self_rated_at")
    private Instant selfRatedAt;

    /** Read only: raised by one conditional update with each answer (see RaterAnswers). */
    @Column(insertable = false, updatable = false)
    private int answers;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "shared_pairing_id")
    private Long sharedPairingId;

    @Column(name = "shared_at")
    private Instant sharedAt;

    /** The portal's address as the learner last used it to invite, for the links of the portal's own reminders. */
    @Column(name = "portal_url", length = 255)
    private String portalUrl;

    protected FeedbackRequest() {
    }

    FeedbackRequest(long roundId, long learnerId, long frameworkId) {
        this.roundId = roundId;
        this.learnerId = learnerId;
        this.frameworkId = frameworkId;
    }

    void selfRated(Instant now) {
        selfRatedAt = now;
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    void usedPortalAt(String address) {
        if (address != null && !address.isBlank() && address.length() <= 255) {
            portalUrl = address.strip();
        }
    }

    void shareWith(long pairingId, Instant now) {
        sharedPairingId = pairingId;
        sharedAt = now;
    }

    void unshare() {
        sharedPairingId = null;
        sharedAt = null;
    }

    public long getRoundId() {
        return roundId;
    }

    public long getLearnerId() {
        return learnerId;
    }

    public long getFrameworkId() {
        return frameworkId;
    }

    public Instant getSelfRatedAt() {
        return selfRatedAt;
    }

    public boolean isSelfRated() {
        return selfRatedAt != null;
    }

    public int getAnswers() {
        return answers;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Long getSharedPairingId() {
        return sharedPairingId;
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }
}
