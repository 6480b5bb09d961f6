package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The programme-wide report: one line per cohort and one for the whole programme, completion by required module
 * across every cohort, and the programme's mix. Like the cohort dashboard it holds counts and dates only, never
 * names of members who are behind or anything they wrote, so it can go to a board as it is.
 */
public record ProgrammeReport(long programmeId, String programmeName, LocalDate start, LocalDate end, LocalDate asOf,
                              List<CohortLine> cohorts, CohortLine total, List<CohortDashboard.ModuleCompletion> modules,
                              CohortDashboard.Mix mix) implements Serializable {

    /** A cohort's figures (or the programme's, on the total line). */
    public record CohortLine(long cohortId, String name, LocalDate start, LocalDate end, int capacity, int enrolled,
                             int completed, int deferred, int withdrawn, int finishedAllModules, int percent, int atRisk)
            implements Serializable {

        /** Members who take up a place: enrolled or completed. */
        public int active() {
            return enrolled + completed;
        }

        static CohortLine of(long cohortId, String name, LocalDate start, LocalDate end, int capacity,
                             List<CohortDashboard.MemberRow> members, int atRisk) {
            int[] byStatus = new int[MembershipStatus.values().length];
            long done = 0;
            long required = 0;
            int finished = 0;
            for (CohortDashboard.MemberRow m : members) {
                byStatus[m.status().ordinal()]++;
                if (m.status().isActive()) {
                    done += m.lessonsDone();
                    required += m.lessonsRequired();
                    if (m.modulesRequired() > 0 && m.modulesCompleted() >= m.modulesRequired()) {
                        finished++;
                    }
                }
            }
            int percent = required <= 0 ? 0 : (int) Math.min(100, (100 * done) / required);
            return new CohortLine(cohortId, name, start, end, capacity, byStatus[MembershipStatus.ENROLLED.ordinal()],
                    byStatus[MembershipStatus.COMPLETED.ordinal()], byStatus[MembershipStatus.DEFERRED.ordinal()],
                    byStatus[MembershipStatus.WITHDRAWN.ordinal()], finished, percent, atRisk);
        }
    }
}
