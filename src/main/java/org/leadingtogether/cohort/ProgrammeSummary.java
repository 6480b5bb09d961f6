package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme on the manager's home page, with its cohorts; {@code runsProgramme} is false for someone who
 * manages one of its cohorts only, who then sees that cohort but not the programme's settings or report.
 */
public record ProgrammeSummary(long id, String name, LocalDate start, LocalDate end, boolean runsProgramme,
                               List<CohortSummary> cohorts)
        implements Serializable {

    /** A cohort with how many places are taken. */
    public record CohortSummary(long id, String name, LocalDate start, LocalDate end, int capacity, int active)
            implements Serializable {
    }
}
