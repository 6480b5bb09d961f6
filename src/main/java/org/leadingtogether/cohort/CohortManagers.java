package org.leadingtogether.cohort;

import java.io.Serializable;
import java.util.List;

/**
 * Who runs a cohort: the programme's managers, who run every cohort of the programme, and programme managers
 * added to this cohort alone (a colleague from a partner organisation, say). {@code canChange} is true for the
 * programme's own managers, the only ones who decide who else runs its cohorts.
 */
public record CohortManagers(long cohortId, String cohortName, boolean canChange, List<Manager> programmeManagers,
                             List<Manager> cohortManagers) implements Serializable {

    public record Manager(long id, String name, String email) implements Serializable {
    }
}
