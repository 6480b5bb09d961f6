package org.leadingtogether.coaching;

import org.leadingtogether.directory.Sector;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * A coach as the matcher sees them: only what the rules and the ranking need, read once from the database by
 * the caller, so that matching itself is plain Java that can be tested and run for a whole cohort at once.
 *
 * @param organisationId         0 if the coach's organisation is not recorded
 * @param sector                 the sector of the coach's organisation, or {@code null} if not recorded
 * @param team                   the coach's team within their organisation, or {@code null} if not recorded
 * @param professionIds          the professions the coach is comfortable coaching; never {@code null}
 * @param specialisms            what the coach offers, in their own words; never {@code null}, blanks dropped
 * @param capacity               how many coachees the coach will take at once
 * @param activeCoachees         how many they coach now
 * @param takesOwnOrganisation   the coach is willing to coach someone from their own organisation
 * @param available              the coach is taking coachees at present (not on leave, not paused)
 */
public record MatchCandidate(long coachId, String name, long organisationId, String organisationName,
                             Sector sector, String team, Set<Long> professionIds, Set<String> specialisms,
                             int capacity, int activeCoachees, boolean takesOwnOrganisation,
                             boolean available) implements Serializable {

    /** @throws IllegalArgumentException if the capacity or the number of coachees is negative */
    public MatchCandidate {
        Objects.requireNonNull(name, "name");
        if (capacity < 0 || activeCoachees < 0) {
            throw new IllegalArgumentException("Capacity and active coachees cannot be negative for coach "
                    + coachId);
        }
        professionIds = professionIds == null ? Set.of() : Set.copyOf(professionIds);
        specialisms = MatchCoachee.tidy(specialisms);
    }

    /**
     * Places the coach still has. Never negative: a coach who has gone over capacity (after a change of heart
     * about capacity, say) simply has none.
     */
    public int freePlaces() {
        return Math.max(0, capacity - activeCoachees);
    }
}
