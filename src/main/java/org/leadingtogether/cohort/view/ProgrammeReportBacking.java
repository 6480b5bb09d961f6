package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.ProgrammeReport;

/** The programme-wide report ({@code ?id=…}): every cohort's figures, completion by module, the mix. */
@Named
@RequestScoped
public class ProgrammeReportBacking {

    @Inject
    private CohortService cohorts;

    private Long id;
    private ProgrammeReport report;

    public void load() {
        report = cohorts.getProgrammeReport(id == null ? -1 : id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ProgrammeReport getReport() {
        return report;
    }
}
