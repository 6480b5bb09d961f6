package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/**
 * A coach offered to a coachee, with why.
 *
 * @param score   0 to 100, rounded: the share of the most this coachee's preferences allow, so 100 means every
 *                preference the coachee could have met is met, whatever the weights add up to
 * @param reasons plain words, in a fixed order, for the coachee or their manager to read
 */
public record Suggestion(MatchCandidate coach, int score, List<String> reasons) implements Serializable {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
