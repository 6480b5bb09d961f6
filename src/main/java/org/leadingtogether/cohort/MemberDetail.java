package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One member of a cohort, as their programme manager may see them: status and its history, their standing in
 * the programme (the one measure of progress, the pace, and the required modules with due dates, as the learner
 * sees them), and their latest self-rating per dimension. Counts and ratings only: never reflections,
 * journal entries or coaching notes.
 */
public record MemberDetail(long cohortId, String cohortName, long personId, String name, String email, String profession,
                           String organisation, MembershipStatus status, List<Change> history,
                           ProgrammeStanding standing, List<Rating> ratings, Instant rated) implements Serializable {

    /** A change of status. */
    public record Change(MembershipStatus status, Instant at, String reason) implements Serializable {
    }

    /** The member's latest self-rating of one dimension (average of the elements rated; 0 when none). */
    public record Rating(String dimension, double average) implements Serializable {
    }
}
