package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/**
 * A pairing suggested for a cohort member, for the manager to review, change and confirm: the suggested coach
 * with the score and reasons, and other coaches who could take them ({@code options}, the suggested one first).
 */
public record ProposedPair(long coacheeId, String coacheeName, long coachId, String coachName, int score,
                           List<String> reasons, List<Option> options) implements Serializable {

    /** A coach who could take this member, with their score for them. */
    public record Option(long coachId, String name, int score) implements Serializable {
    }
}
