package org.leadingtogether.support;

import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.Programme;

/**
 * A programme as an in-container test needs one: saved by the test programme manager through the cohort service, with
 * one cohort over the whole of it (twenty places) and the given people enrolled, as a manager would set it up.
 *
 * @param programme the programme's id
 * @param cohort    its cohort's id
 */
public record OneCohort(long programme, long cohort) {

    /** Saves {@code programme} (its name, dates and entitlements as the test chose them), adds its cohort and enrols {@code people}. */
    public static OneCohort of(RunAsManager manager, CohortService cohorts, Programme programme, long... people) throws Exception {
        long programmeId = manager.call(() -> cohorts.saveProgramme(programme));
        Cohort form = Cohort.blank();
        form.setName("Cohort A");
        form.setStartDate(programme.getStartDate());
        form.setEndDate(programme.getEndDate());
        form.setCapacity(20);
        long cohortId = manager.call(() -> cohorts.addCohort(programmeId, form));
        for (long person : people) {
            manager.call(() -> {
                cohorts.enrol(cohortId, person);
                return null;
            });
        }
        return new OneCohort(programmeId, cohortId);
    }
}
