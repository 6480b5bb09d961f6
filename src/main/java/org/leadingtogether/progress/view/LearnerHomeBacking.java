package org.leadingtogether.progress.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.progress.ProgressOverview;
import org.leadingtogether.progress.ProgressService;

/** The learner's home: the next lesson, overall progress and the radar of where they stand. */
@Named
@RequestScoped
public class LearnerHomeBacking {

    @Inject
    private ProgressService progress;

    private ProgressOverview overview;
    private String radar;

    public void load() {
        overview = progress.getOverview();
        radar = StandingChart.radar(overview);
    }

    public ProgressOverview getOverview() {
        return overview;
    }

    public String getRadar() {
        return radar;
    }
}
