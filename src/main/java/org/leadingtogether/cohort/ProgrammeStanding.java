package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one member stands in their programme: the {@link ProgrammeMeasure}, the pace the cohort expects by today and
 * whether they keep it (by the {@link PaceRule} the cohort dashboard uses, in its words), and each required module
 * with its due date, if the manager set one, and whether it is overdue. The learner, their coach and their programme
 * manager see the same record, built by {@link ProgrammeStandings}.
 */
public record ProgrammeStanding(long personId, long cohortId, String programmeName, String cohortName, MembershipStatus status,
                                ProgrammeMeasure measure, int expectedPercent, String atRiskReason,
                                List<RequiredModule> modules) implements Serializable {

    /** A required module for this member: its lessons, how many are done, and when it is due in the cohort. */
    public record RequiredModule(String key, String title, int lessons, int done, LocalDate due, boolean overdue)
            implements Serializable {

        public boolean finished() {
            return done >= lessons;
        }
    }

    public boolean onTrack() {
        return atRiskReason == null;
    }

    /**
     * The pace in words, as the learner and the manager both see it: "On track: 38% done; 25% expected by now." or
     * "Behind the pace: 5% done; 40% expected by now." followed by any other reason the dashboard gives.
     */
    public String paceText() {
        if (status != MembershipStatus.ENROLLED) {
            return status.getLabel() + ": no pace is expected.";
        }
        if (atRiskReason != null) {
            return atRiskReason.contains(PaceRule.paceLine(measure.percent(), expectedPercent)) ? "Behind the pace: " + atRiskReason
                    : "Needs attention: " + PaceRule.paceLine(measure.percent(), expectedPercent) + " " + atRiskReason;
        }
        return "On track: " + PaceRule.paceLine(measure.percent(), expectedPercent);
    }

    public long overdueCount() {
        return modules.stream().filter(RequiredModule::overdue).count();
    }
}
