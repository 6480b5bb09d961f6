package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/** A coach as a coachee or manager sees them: who they are as a coach, never who else they coach. */
public record CoachCard(long id, String name, String jobTitle, String organisation, String sector,
                        List<String> accreditations, List<String> specialisms, List<String> professions,
                        String biography) implements Serializable {
}
