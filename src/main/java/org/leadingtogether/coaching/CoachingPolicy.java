package org.leadingtogether.coaching;

import org.leadingtogether.platform.NotFoundException;

/**
 * Who may see and change what in coaching, checked at the top of every service method. A pairing is seen by
 * its coach and its coachee only; a programme manager sees the pairings of cohorts they run, as counts and
 * states (never notes, actions, feedback or reasons), through the cohort's own check. Anyone else is told the
 * pairing does not exist, the same answer as for one that really does not, so a hand-typed id reveals nothing.
 */
public final class CoachingPolicy {

    private CoachingPolicy() {
    }

    /** The pairing, if the caller is its coach or its coachee. */
    public static Pairing checkSide(Pairing pairing, long personId) {
        if (pairing == null || !pairing.involves(personId)) {
            throw new NotFoundException("There is no such pairing.");
        }
        return pairing;
    }

    /** The pairing, if the caller is its coach. */
    public static Pairing checkCoach(Pairing pairing, long personId) {
        if (pairing == null || pairing.getCoachId() != personId) {
            throw new NotFoundException("There is no such pairing.");
        }
        return pairing;
    }

    /** The pairing, if the caller is its coachee. */
    public static Pairing checkCoachee(Pairing pairing, long personId) {
        if (pairing == null || pairing.getCoacheeId() != personId) {
            throw new NotFoundException("There is no such pairing.");
        }
        return pairing;
    }

    /** The pairing, if the caller is its coach and they work together now (what a coach reads of a coachee). */
    public static Pairing checkCurrentCoach(Pairing pairing, long personId) {
        checkCoach(pairing, personId);
        if (!pairing.getState().isCurrent()) {
            throw new NotFoundException("You do not coach this person now.");
        }
        return pairing;
    }
}
