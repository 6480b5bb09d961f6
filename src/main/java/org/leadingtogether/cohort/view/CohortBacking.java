package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortDashboard;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.HeatMap;

/** The cohort dashboard ({@code ?id=…}): figures, members, completion by module, who is at risk, mix, heat map. */
@Named
@RequestScoped
public class CohortBacking {

    @Inject
    private CohortService cohorts;

    private Long id;
    private CohortDashboard dashboard;
    private HeatMap heatMap;
    private java.util.Map<String, java.time.LocalDate> dueDates;

    public void load() {
        CohortService.DashboardPage page = cohorts.getDashboardPage(id == null ? -1 : id);
        dashboard = page.dashboard();
        heatMap = page.heatMap();
        dueDates = page.dueDates();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CohortDashboard getDashboard() {
        return dashboard;
    }

    /** When each required module is due in the cohort, by module key (only those with a date). */
    public java.util.Map<String, java.time.LocalDate> getDueDates() {
        return dueDates;
    }

    public HeatMap getHeatMap() {
        return heatMap;
    }
}
