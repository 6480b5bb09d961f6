package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.ProgrammeSummary;

import java.util.List;

/** The programme manager's home: their programmes and cohorts. */
@Named
@RequestScoped
public class ManagerHomeBacking {

    @Inject
    private CohortService cohorts;

    private List<ProgrammeSummary> programmes = List.of();

    public void load() {
        programmes = cohorts.findMyProgrammes();
    }

    public List<ProgrammeSummary> getProgrammes() {
        return programmes;
    }
}
