package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/**
 * A learner's coaching: their pairings (current, waiting, and past ones), and, when they have no coach and
 * are waiting for none, suggestions they can ask for; also the specialisms they would like a coach to have.
 */
public record MyCoaching(List<Pairing> pairings, boolean canAsk, List<Suggestion> suggestions, List<String> wishes)
        implements Serializable {

    /** One of the learner's pairings, with the coach's profile. */
    public record Pairing(long id, PairingState state, CoachCard coach, java.time.LocalDate respondBy,
                          boolean askedByMe) implements Serializable {

        public boolean isCurrent() {
            return state.isCurrent();
        }
    }

    /** A coach the learner may ask for, with the score and reasons in plain words. */
    public record Suggestion(CoachCard coach, int score, List<String> reasons, String places) implements Serializable {
    }
}
