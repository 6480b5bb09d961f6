package org.leadingtogether.coaching;

import org.leadingtogether.cohort.ProgrammeStanding;

import java.io.Serializable;
import java.util.List;

/**
 * What a coach sees of a coachee they work with now: their standing in the programme of the pairing's cohort (as
 * they and their manager see it; {@code null} for a pairing outside any cohort), and the coachee's latest self-rating
 * beside the coach's latest rating for every framework element, both kept and neither overwriting the other.
 * A difference of two or more scale points is marked as worth a conversation.
 */
public record CoacheeView(long pairingId, long coacheeId, String name, String jobTitle, String organisation,
                          ProgrammeStanding standing, String framework,
                          List<Integer> scale, List<RatingRow> ratings, boolean selfRated, boolean coachRated)
        implements Serializable {

    /** Ratings this far apart or more are highlighted for discussion. */
    public static final int WORTH_A_CONVERSATION = 2;

    public record RatingRow(long elementId, String dimension, String element, Integer self, Integer coach)
            implements Serializable {

        public boolean worthAConversation() {
            return self != null && coach != null && Math.abs(self - coach) >= WORTH_A_CONVERSATION;
        }
    }

    public String roleLine() {
        return CoachCard.line(jobTitle, organisation);
    }
}
