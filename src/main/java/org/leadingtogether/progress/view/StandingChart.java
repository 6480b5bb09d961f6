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
        series.add(new RadarChart.Series(label("Latest self-rating", overview.latest()), "rgb(11, 79, 138)",
                overview.standings().stream().map(ProgressOverview.DimensionStanding::latest).toList()));
        if (overview.history().size() > 1) {
            series.add(new RadarChart.Series(label("Previous self-rating", overview.history().get(1)), "rgb(138, 90, 0)",
                    overview.standings().stream().map(s -> s.previous() == null ? 0.0 : s.previous()).toList()));
        }
        return RadarChart.json(axes, overview.framework().maxScale(), series);
    }

    /** A series' label says which edition its ratings were made against: "Latest self-rating (2012 edition, carried across)". */
    static String label(String name, ProgressOverview.Assessment assessment) {
        String edition = assessment.edition().startsWith("the ") ? assessment.edition().substring(4) : assessment.edition();
        if (edition.isBlank()) {
            return name;
        }
        return name + " (" + edition + (assessment.carried() ? ", carried across" : "") + ")";
    }
}
