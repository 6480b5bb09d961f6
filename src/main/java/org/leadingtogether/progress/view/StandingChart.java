package org.leadingtogether.progress.view;

import org.leadingtogether.progress.ProgressOverview;
import org.leadingtogether.progress.RadarChart;

import java.util.ArrayList;
import java.util.List;

/** Builds the radar for an overview: the latest self-assessment and, when there is one, the one before. */
final class StandingChart {

    private StandingChart() {
    }

    static String radar(ProgressOverview overview) {
        if (!overview.hasAssessment()) {
            return null;
        }
        List<String> axes = overview.framework().dimensions().stream().map(d -> d.name()).toList();
        List<RadarChart.Series> series = new ArrayList<>();
        series.add(new RadarChart.Series("Latest self-rating", "rgb(11, 79, 138)",
                overview.standings().stream().map(ProgressOverview.DimensionStanding::latest).toList()));
        if (overview.history().size() > 1) {
            series.add(new RadarChart.Series("Previous self-rating", "rgb(138, 90, 0)",
                    overview.standings().stream().map(s -> s.previous() == null ? 0.0 : s.previous()).toList()));
        }
        return RadarChart.json(axes, overview.framework().maxScale(), series);
    }
}
