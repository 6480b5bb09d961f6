package org.leadingtogether.coaching;

/**
 * Something happened in a pairing that one side may want to know about, fired in the transaction that did it: a
 * request waiting for the coach's answer (a manager's proposal or a learner's own request), or a session the coach
 * recorded. Ids only, never notes: the listener (the notification feature) says that it happened and links to the
 * pairing's page, which checks who may see it.
 *
 * @param what      what happened
 * @param pairingId the pairing
 * @param coachId   the coach
 * @param coacheeId the coachee
 */
public record CoachingHappened(What what, long pairingId, long coachId, long coacheeId) {

    public enum What {
        /** A pairing proposed or asked for, waiting for the coach's answer: the coach is told. */
        REQUEST_WAITING,
        /** The coach recorded a session: the coachee is told. */
        SESSION_RECORDED
    }
}
