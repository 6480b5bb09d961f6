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

    public void load() {
        CohortService.DashboardPage page = cohorts.getDashboardPage(id == null ? -1 : id);
        dashboard = page.dashboard();
        heatMap = page.heatMap();
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

    public HeatMap getHeatMap() {
        return heatMap;
    }
}
