package org.leadingtogether.coaching;

import org.leadingtogether.cohort.ProgrammeMeasure;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A coach's home page: places used of their capacity, requests waiting for an answer, and the people they coach
 * now with each one's programme progress and next session.
 */
public record CoachHome(boolean hasProfile, boolean available, int capacity, int placesHeld, List<Request> requests,
                        List<Coachee> coachees) implements Serializable {

    /** A proposal waiting for the coach's answer. */
    public record Request(long pairingId, String coacheeName, String jobTitle, String profession, String organisation,
                          String cohort, LocalDate respondBy, boolean askedByCoachee) implements Serializable {

        public String roleLine() {
            return CoachCard.line(jobTitle, profession, organisation);
        }
    }

    /** Someone the coach works with now; {@code progress} is the one measure, absent when the pairing has no cohort. */
    public record Coachee(long pairingId, long personId, String name, String jobTitle, String organisation,
                          PairingState state, String cohort, ProgrammeMeasure progress, int sessionsHeld,
                          Instant nextSession) implements Serializable {

        public String roleLine() {
            return CoachCard.line(jobTitle, organisation);
        }
    }
}
