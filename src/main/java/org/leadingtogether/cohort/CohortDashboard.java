package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the cohort dashboard shows, as of one day: each member's completion and activity, completion
 * by required module, who is at risk and why, and the cohort's mix. Built by a fixed number of queries;
 * the exports are made from it too, so they can never show more than the page does. It holds counts and
 * dates only: never the text of reflections, journal entries or coaching notes.
 */
public record CohortDashboard(long cohortId, String programmeName, String cohortName, LocalDate start, LocalDate end,
                              int capacity, LocalDate asOf, List<MemberRow> members, List<ModuleCompletion> modules,
                              List<AtRisk> atRisk, Mix mix) implements Serializable {

    /**
     * One member's line. Coaching sessions held count those of pairings made in this cohort. Protected hours used
     * are those the member confirmed as used; entitled counts every entitlement period begun so far (see
     * {@code booking.ProtectedTimeLedger.entitledToDate}); {@code protectedOverEntitlement} counts their bookings
     * beyond the entitlement, which carry a reason for the manager.
     */
    public record MemberRow(long personId, String name, String email, String profession, String organisation,
                            String sector, MembershipStatus status, int modulesCompleted, int modulesRequired,
                            int lessonsDone, int lessonsRequired, int coachingHeld, int coachingExpected,
                            double protectedHoursUsed, double protectedHoursEntitled, Instant lastActivity,
                            int protectedOverEntitlement)
            implements Serializable {

        /** A line with no protected time beyond the entitlement. */
        public MemberRow(long personId, String name, String email, String profession, String organisation,
                         String sector, MembershipStatus status, int modulesCompleted, int modulesRequired,
                         int lessonsDone, int lessonsRequired, int coachingHeld, int coachingExpected,
                         double protectedHoursUsed, double protectedHoursEntitled, Instant lastActivity) {
            this(personId, name, email, profession, organisation, sector, status, modulesCompleted, modulesRequired, lessonsDone,
                    lessonsRequired, coachingHeld, coachingExpected, protectedHoursUsed, protectedHoursEntitled, lastActivity, 0);
        }

        /** The member's progress: the one measure every page shows. */
        public ProgrammeMeasure measure() {
            return new ProgrammeMeasure(lessonsDone, lessonsRequired);
        }

        /** Lessons of the required modules done, in whole per cent (of {@link #measure()}). */
        public int percent() {
            return measure().percent();
        }
    }

    /** How many active members have completed one required module. */
    public record ModuleCompletion(String key, String title, int completed, int members) implements Serializable {

        public int percent() {
            return members <= 0 ? 0 : (int) ((100L * completed) / members);
        }
    }

    /** A member behind the pace expected for the day, with the reason in plain words. */
    public record AtRisk(long personId, String name, String reason) implements Serializable {
    }

    /** Counts by profession, sector and organisation (largest first), and warnings when one group dominates. */
    public record Mix(List<MixCount> professions, List<MixCount> sectors, List<MixCount> organisations,
                      List<String> warnings) implements Serializable {
    }

    /** Members who take up a place: enrolled or completed. */
    public List<MemberRow> activeMembers() {
        return members.stream().filter(m -> m.status().isActive()).toList();
    }

    /** Overall completion: lessons of required modules done by active members, over all they must do. */
    public int overallPercent() {
        long done = activeMembers().stream().mapToLong(MemberRow::lessonsDone).sum();
        long required = activeMembers().stream().mapToLong(MemberRow::lessonsRequired).sum();
        return required <= 0 ? 0 : (int) Math.min(100, (100 * done) / required);
    }
}
