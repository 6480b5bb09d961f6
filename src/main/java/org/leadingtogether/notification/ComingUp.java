package org.leadingtogether.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The "coming up, and what is new" panels of the home pages: counts and times only, never anyone's words. */
public final class ComingUp {

    private ComingUp() {
    }

    /**
     * A learner's panel.
     *
     * @param nextCoaching       the start of their next coaching session, or null
     * @param nextProtectedTime  the start of their next protected-time block, or null
     * @param newComments        comments by their current coach on entries they share, since their previous visit
     * @param actionsOpen        actions of their current pairing not yet done
     * @param feedbackWaiting    360 rounds of their programme open now that they have not started or rated themselves in
     * @param pairingId          their current pairing, for the links, or null
     */
    public record Learner(Instant nextCoaching, Instant nextProtectedTime, int newComments, int actionsOpen,
                          int feedbackWaiting, Long pairingId) implements Serializable {

        public boolean isQuiet() {
            return nextCoaching == null && nextProtectedTime == null && newComments == 0 && actionsOpen == 0 && feedbackWaiting == 0;
        }
    }

    /**
     * A coach's panel.
     *
     * @param requestsWaiting  requests (proposed or asked for) waiting for their answer, still in time
     * @param newlyShared      reflections shared with them through a current pairing since their previous visit
     * @param sessionsThisWeek coaching sessions booked with them this week (Monday to Sunday, London time), to come
     * @param nextSession      the start of their next session, or null
     */
    public record Coach(int requestsWaiting, int newlyShared, int sessionsThisWeek, Instant nextSession) implements Serializable {

        public boolean isQuiet() {
            return requestsWaiting == 0 && newlyShared == 0 && sessionsThisWeek == 0 && nextSession == null;
        }
    }

    /**
     * One cohort a manager runs, with what needs them.
     *
     * @param fellBehind      members found behind the pace since the manager's previous visit
     * @param overEntitlement protected-time bookings beyond the entitlement since the manager's previous visit
     * @param pairingsStuck   pairings not answered in time, in a first conversation for over 30 days, or with two missed sessions
     */
    public record CohortLine(long cohortId, String programmeName, String cohortName, int fellBehind, int overEntitlement,
                             int pairingsStuck) implements Serializable {
    }

    /** A programme manager's panel: only the cohorts with something to look at, and their previous visit (null: their first). */
    public record Manager(List<CohortLine> cohorts, Instant previousVisit) implements Serializable {

        public boolean isQuiet() {
            return cohorts.isEmpty();
        }
    }
}
