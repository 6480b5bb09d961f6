package org.leadingtogether.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;

/**
 * One coaching session of a pairing: when, how long, whether it was the first "chemistry" conversation, and
 * what happened (held, cancelled with notice, missed without notice). It carries two texts with different
 * readers: the coach's private notes, which only the coach ever sees, and the coachee's feedback (a rating
 * from 1 to 5 and a comment), which the coachee gives after a session that was held.
 */
@Entity
@Table(name = "coaching_session")
public class CoachingSession extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int FEEDBACK_MAX = 2_000;
    public static final int NOTES_MAX = 20_000;

    @Column(name = "pairing_id", nullable = false, updatable = false)
    private long pairingId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private int minutes;

    @Column(nullable = false)
    private boolean chemistry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    @Column(name = "coach_notes", length = NOTES_MAX)
    private String coachNotes;

    @Column(name = "feedback_rating")
    private Integer feedbackRating;

    @Column(name = "feedback_comment", length = FEEDBACK_MAX)
    private String feedbackComment;

    @Column(name = "feedback_at")
    private Instant feedbackAt;

    protected CoachingSession() {
    }

    public CoachingSession(long pairingId, Instant startsAt, int minutes, boolean chemistry, SessionStatus status) {
        if (minutes < 15 || minutes > 240) {
            throw new BusinessException("minutes", "A session lasts between 15 and 240 minutes.");
        }
        this.pairingId = pairingId;
        this.startsAt = startsAt;
        this.minutes = minutes;
        this.chemistry = chemistry;
        this.status = status;
    }

    /** Records what happened; a session in the future can only be planned or cancelled. */
    public void record(SessionStatus outcome, Instant now) {
        if (outcome == null) {
            throw new BusinessException("status", "Choose what happened at the session.");
        }
        if ((outcome == SessionStatus.ATTENDED || outcome == SessionStatus.MISSED) && startsAt.isAfter(now)) {
            throw new BusinessException("status", "A session that has not started yet cannot be marked as held or missed.");
        }
        status = outcome;
    }

    public void writeNotes(String notes) {
        String tidy = notes == null || notes.isBlank() ? null : notes.strip();
        if (tidy != null && tidy.length() > NOTES_MAX) {
            throw new BusinessException("notes", "Keep the notes under " + NOTES_MAX + " characters.");
        }
        coachNotes = tidy;
    }

    /** The coachee's feedback on a session that was held: a rating from 1 (not useful) to 5 (very useful). */
    public void giveFeedback(int rating, String comment, Instant now) {
        if (status != SessionStatus.ATTENDED) {
            throw new BusinessException("Feedback is for sessions that were held.");
        }
        if (rating < 1 || rating > 5) {
            throw new BusinessException("rating", "Choose a rating from 1 to 5.");
        }
        String tidy = comment == null || comment.isBlank() ? null : comment.strip();
        if (tidy != null && tidy.length() > FEEDBACK_MAX) {
            throw new BusinessException("comment", "Keep the comment under " + FEEDBACK_MAX + " characters.");
        }
        feedbackRating = rating;
        feedbackComment = tidy;
        feedbackAt = now;
    }

    public long getPairingId() {
        return pairingId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public int getMinutes() {
        return minutes;
    }

    public boolean isChemistry() {
        return chemistry;
    }

    public SessionStatus getStatus() {
        return status;
    }

    /** The coach's private notes: only ever read for the coach. */
    public String getCoachNotes() {
        return coachNotes;
    }

    public Integer getFeedbackRating() {
        return feedbackRating;
    }

    public String getFeedbackComment() {
        return feedbackComment;
    }

    public Instant getFeedbackAt() {
        return feedbackAt;
    }
}
