package org.leadingtogether.coaching;

import java.time.LocalDateTime;

/**
 * The life of a coaching session in time: when it is, whether it stands or is cancelled, and what follows (the
 * coach's and coachee's time blocked, the calendar invitation and its cancellation, the emails, the notice rule).
 * One feature owns it, the booking feature, which implements this interface; coaching asks it for every such change
 * made from the session records, as the booking pages do, so a session and its booking can never disagree. Coaching
 * keeps what is said about a session (notes, feedback) and never changes a session's time or standing itself.
 * Called inside the caller's transaction, after its checks of who may do what.
 */
public interface SessionSchedule {

    /**
     * A session the coach writes in the records by hand, at a London date and time (one that does not exist, or
     * happens twice, on a night the clocks change is refused at the field). One still to come, planned, blocks both
     * people's time as a booked one does, and both are sent the invitation.
     */
    CoachingSession record(Pairing pairing, LocalDateTime startsAt, int minutes, SessionStatus status, long by);

    /** What happened at a session, or its cancellation (which cancels its booking, under the notice rule), by {@code by}. */
    void changeStatus(Pairing pairing, CoachingSession session, SessionStatus status, long by);

    /** The pairing has just ended: its sessions still to come are cancelled, and both people told. */
    void pairingEnded(Pairing pairing, long by);
}
