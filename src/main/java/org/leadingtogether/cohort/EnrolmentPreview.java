package org.leadingtogether.cohort;

import java.io.Serializable;
import java.util.List;

/**
 * What importing a file would do, before anything is saved: who is new to the portal, who already has an
 * account, who is already enrolled; or, when anything is wrong, every problem by line and nothing else.
 */
public record EnrolmentPreview(List<Line> lines, List<RowProblem> problems, int placesLeft) implements Serializable {

    /** What will happen to one line of the file. */
    public enum Outcome {
        NEW_PERSON("New to the portal: will be created and enrolled"),
        EXISTING_PERSON("Has an account: will be enrolled"),
        RE_ENROL("Was in this cohort before: will be enrolled again"),
        ALREADY_ENROLLED("Already enrolled: nothing to do");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String getLabel() {
            return label;
        }
    }

    /** One line of the file and its outcome. */
    public record Line(int line, String email, String name, String profession, String organisation, Outcome outcome)
            implements Serializable {
    }

    public boolean ok() {
        return problems.isEmpty() && !lines.isEmpty();
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** How many people the import adds to the cohort's active members. */
    public long joining() {
        return lines.stream().filter(l -> l.outcome() != Outcome.ALREADY_ENROLLED).count();
    }
}
