package org.leadingtogether.cohort;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

/**
 * Too few places left in a cohort for the people about to join it. Never a dead end: wherever it is shown (enrolling
 * one person or a file, making a former member active again) it links to the page where a manager of the cohort
 * changes its places ({@code /manager/cohort-settings.xhtml}).
 */
@ApplicationException(rollback = true)
public class CohortFullException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What the link to the cohort's places says. */
    public static final String CHANGE_PLACES = "Change the cohort's places and dates";

    /** @param cohortId the cohort, whose page the link leads to (none for a cohort not saved yet) */
    CohortFullException(Long cohortId, String message) {
        super(null, message, cohortId == null ? null : new NextStep(CHANGE_PLACES, settingsPage(cohortId)));
    }

    /** The page where the cohort's places and dates are changed. */
    public static String settingsPage(long cohortId) {
        return "/manager/cohort-settings.xhtml?id=" + cohortId;
    }
}
