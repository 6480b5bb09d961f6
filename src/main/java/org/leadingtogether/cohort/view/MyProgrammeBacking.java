package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.ProgrammeStanding;

import java.util.HashMap;
import java.util.Map;

/**
 * The learner's standing in their programme, read once per request: the progress card on their home page, and the
 * marks on their programme's required modules (with due dates and "Overdue") in the catalogue. It lives with the
 * cohort feature because the learning and progress features sit below it and cannot ask it.
 */
@Named
@RequestScoped
public class MyProgrammeBacking {

    @Inject
    private CohortService cohorts;

    private boolean loaded;
    private ProgrammeStanding standing;
    private Map<String, ProgrammeStanding.RequiredModule> required;

    /** The standing, or {@code null} when the learner is in no programme. */
    public ProgrammeStanding getStanding() {
        if (!loaded) {
            standing = cohorts.getMyProgramme().orElse(null);
            loaded = true;
        }
        return standing;
    }

    /** By module key: the programme's required modules, for the catalogue's marks (empty when in no programme). */
    public Map<String, ProgrammeStanding.RequiredModule> getRequired() {
        if (required == null) {
            required = new HashMap<>();
            if (getStanding() != null) {
                standing.modules().forEach(m -> required.put(m.key(), m));
            }
        }
        return required;
    }
}
