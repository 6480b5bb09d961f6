package org.leadingtogether.coaching;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Coaching in a cohort as its programme manager sees it: who is paired with whom, the state of each pairing,
 * and counts of sessions held and missed. Never notes, actions, feedback or reasons for ending: a manager
 * needs to know that coaching happens, not what is said in it.
 */
public record CohortCoaching(long cohortId, String programme, String cohort, List<Member> members) implements Serializable {

    public record Member(long personId, String name, String profession, String organisation, Long pairingId,
                         String coach, PairingState state, LocalDate respondBy, boolean overdue, int sessionsHeld,
                         int sessionsMissed, boolean hadCoachBefore) implements Serializable {

        /** Two sessions missed without notice: the manager should check in with both sides. */
        public boolean flagged() {
            return sessionsMissed >= 2;
        }

        /** Nobody holds a place for this member: a first pairing, or a re-match after one ended or was declined. */
        public boolean needsCoach() {
            return state == null || overdue || !PairingState.HOLDING_A_PLACE.contains(state);
        }

        public String situation() {
            if (overdue) {
                return "Not answered in time: propose another coach";
            }
            if (state == null || !PairingState.HOLDING_A_PLACE.contains(state)) {
                return hadCoachBefore ? "Needs a new coach" : "Not paired yet";
            }
            return state.getLabel();
        }
    }

    public long unpaired() {
        return members.stream().filter(Member::needsCoach).count();
    }

    public long flagged() {
        return members.stream().filter(Member::flagged).count();
    }
}
