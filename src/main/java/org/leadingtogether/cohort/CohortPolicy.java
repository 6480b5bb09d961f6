package org.leadingtogether.cohort;

import org.leadingtogether.platform.NotFoundException;

/**
 * Who may see and change a programme or cohort: the programme managers listed on the programme, and for
 * a cohort also those listed on the cohort. Anyone else is told the record does not exist, the same
 * answer as for a record that really does not, so a hand-typed id reveals nothing.
 */
public final class CohortPolicy {

    private CohortPolicy() {
    }

    public static Programme checkManages(Programme programme, long personId) {
        if (programme == null || !programme.isManagedBy(personId)) {
            throw new NotFoundException("There is no such programme.");
        }
        return programme;
    }

    public static Cohort checkManages(Cohort cohort, long personId) {
        if (cohort == null || !cohort.isManagedBy(personId)) {
            throw new NotFoundException("There is no such cohort.");
        }
        return cohort;
    }
}
