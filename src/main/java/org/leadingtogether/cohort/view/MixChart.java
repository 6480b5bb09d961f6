package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import org.leadingtogether.cohort.MixCount;
import org.leadingtogether.platform.CachedJson;
import org.leadingtogether.platform.ChartLabels;

import java.util.List;

/**
 * Chart.js configuration of a horizontal bar chart of counts, for the mix of a cohort or a programme. Used by
 * the mix template as {@code #{mixChart.json(counts, heading)}}; the same counts are always in a table beside it.
 */
@Named
@ApplicationScoped
public class MixChart {

    /** The longest line of a group's name beside its bar, in characters. */
    static final int LABEL_WIDTH = 22;

    /** The chart's height (CSS) for these bars: room for every bar and every line of its label. */
    public String height(List<MixCount> counts) {
        double rem = 3;
        for (MixCount c : counts) {
            rem += Math.max(1.6, ChartLabels.wrap(c.label(), LABEL_WIDTH).size() * 1.05 + 0.6);
        }
        return "height: " + Math.round(rem * 10) / 10.0 + "rem";
    }

    public String json(List<MixCount> counts, String label) {
        JsonArrayBuilder labels = CachedJson.createArrayBuilder();
        JsonArrayBuilder data = CachedJson.createArrayBuilder();
        counts.forEach(c -> {
            JsonArrayBuilder lines = CachedJson.createArrayBuilder();
            ChartLabels.wrap(c.label(), LABEL_WIDTH).forEach(lines::add);
            labels.add(lines);
            data.add(c.count());
        });
        return CachedJson.createObjectBuilder()
                .add("type", "bar")
                .add("data", CachedJson.createObjectBuilder().add("labels", labels).add("datasets", CachedJson.createArrayBuilder()
                        .add(CachedJson.createObjectBuilder().add("label", label).add("data", data)
                                .add("backgroundColor", "rgb(11, 79, 138)"))))
                .add("options", CachedJson.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("animation", false)
                        // As tall as its bars need (see height), so every label is drawn, none skipped.
                        .add("maintainAspectRatio", false)
                        .add("plugins", CachedJson.createObjectBuilder().add("legend", CachedJson.createObjectBuilder().add("display", false)))
                        .add("scales", CachedJson.createObjectBuilder().add("x", CachedJson.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", CachedJson.createObjectBuilder().add("precision", 0)))
                                .add("y", CachedJson.createObjectBuilder().add("ticks", CachedJson.createObjectBuilder()
                                        .add("autoSkip", false).add("padding", 4).add("color", "#1f2328")))))
                .build().toString();
    }
}
