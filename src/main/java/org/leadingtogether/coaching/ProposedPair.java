package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/** A pairing suggested for a cohort member, for the manager to review, change and confirm. */
public record ProposedPair(long coacheeId, String coacheeName, long coachId, String coachName, int score,
                           List<String> reasons) implements Serializable {
}
