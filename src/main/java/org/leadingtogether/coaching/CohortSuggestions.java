package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/** Suggested pairings for a cohort's members who need a coach, and those no available coach can take. */
public record CohortSuggestions(List<ProposedPair> pairs, List<String> unmatched) implements Serializable {

    public String unmatchedText() {
        return String.join(", ", unmatched);
    }
}
