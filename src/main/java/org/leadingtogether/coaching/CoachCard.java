package org.leadingtogether.coaching;

import java.io.Serializable;
import java.util.List;

/** A coach as a coachee or manager sees them: who they are as a coach, never who else they coach. */
public record CoachCard(long id, String name, String jobTitle, String organisation, String sector,
                        List<String> accreditations, List<String> specialisms, List<String> professions,
                        String biography) implements Serializable {

    /** Non-blank parts joined by commas, for a line such as "Ward manager, Riverside NHS Trust". */
    static String line(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Job title and organisation, whichever are known. */
    public String roleLine() {
        return line(jobTitle, organisation);
    }

    public String accreditationsText() {
        return String.join(", ", accreditations);
    }

    public String specialismsText() {
        return String.join(", ", specialisms);
    }

    public String professionsText() {
        return String.join(", ", professions);
    }
}
