package org.leadingtogether.coaching;

import org.leadingtogether.directory.Sector;

import java.util.HashSet;
import java.util.Set;

/**
 * The person looking for a coach, as the matcher sees them.
 *
 * @param organisationId               0 if the coachee's organisation is not recorded
 * @param sector                       the sector of the coachee's organisation, or {@code null}
 * @param team                         the coachee's team, or {@code null}
 * @param professionId                 the coachee's profession, or {@code null}
 * @param professionName               its name, used in the reason shown, or {@code null}
 * @param lineManagerId                the person id of the coachee's line manager, or {@code null}
 * @param wishedSpecialisms            what the coachee would like help with; never {@code null}, blanks dropped
 * @param endedWithCoachIds            coaches with whom the coachee has ended a pairing; never offered again,
 *                                     because asking someone to explain a second time why it did not work is
 *                                     unkind
 * @param managerAllowsOwnOrganisation the coachee's manager agrees to a coach from their own organisation
 */
public record MatchCoachee(long personId, long organisationId, Sector sector, String team, Long professionId,
                           String professionName, Long lineManagerId, Set<String> wishedSpecialisms,
                           Set<Long> endedWithCoachIds, boolean managerAllowsOwnOrganisation) {

    public MatchCoachee {
        wishedSpecialisms = tidy(wishedSpecialisms);
        endedWithCoachIds = endedWithCoachIds == null ? Set.of() : Set.copyOf(endedWithCoachIds);
    }

    /** Trimmed, without blanks, unmodifiable. */
    static Set<String> tidy(Set<String> words) {
        if (words == null || words.isEmpty()) {
            return Set.of();
        }
        Set<String> tidy = new HashSet<>(words.size() * 2);
        for (String word : words) {
            if (word != null && !word.isBlank()) {
                tidy.add(word.trim());
            }
        }
        return Set.copyOf(tidy);
    }
}
