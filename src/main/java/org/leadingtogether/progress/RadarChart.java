package org.leadingtogether.progress;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.leadingtogether.platform.CachedJson;
import org.leadingtogether.platform.ChartLabels;

import java.util.List;

/**
 * The Chart.js configuration of a radar: one axis per dimension, one line per assessment. Drawn by
 * PrimeFaces' chart component; the same figures are always shown in a table beside it.
 */
public final class RadarChart {

    /** The longest line of an axis's name, in characters: about a quarter of a phone's width at the labels' size. */
    static final int LABEL_WIDTH = 14;

    private RadarChart() {
    }

    /** A line on the radar: its label, colour (CSS) and one value per axis. */
    public record Series(String label, String colour, List<Double> values) {
    }

    public static String json(List<String> axes, int max, List<Series> series) {
        JsonArrayBuilder labels = CachedJson.createArrayBuilder();
        // Each axis's name in short lines (Chart.js draws an array as lines), so it fits beside the radar on a phone.
        axes.forEach(axis -> {
            JsonArrayBuilder lines = CachedJson.createArrayBuilder();
            ChartLabels.wrap(axis, LABEL_WIDTH).forEach(lines::add);
            labels.add(lines);
        });
        JsonArrayBuilder datasets = CachedJson.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder data = CachedJson.createArrayBuilder();
            s.values().forEach(data::add);
            datasets.add(CachedJson.createObjectBuilder()
                    .add("label", s.label())
                    .add("data", data)
                    .add("borderColor", s.colour())
                    .add("backgroundColor", s.colour().replace("rgb(", "rgba(").replace(")", ", 0.15)"))
                    .add("pointBackgroundColor", s.colour())
                    .add("fill", true));
        }
        JsonObjectBuilder scale = CachedJson.createObjectBuilder()
                .add("min", 0).add("max", max)
                .add("ticks", CachedJson.createObjectBuilder().add("stepSize", 1).add("color", "#1f2328"))
                .add("pointLabels", CachedJson.createObjectBuilder().add("color", "#1f2328").add("padding", 4)
                        .add("font", CachedJson.createObjectBuilder().add("size", 12)));
        return CachedJson.createObjectBuilder()
                .add("type", "radar")
                .add("data", CachedJson.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", CachedJson.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", true)
                        .add("animation", false)
                        .add("layout", CachedJson.createObjectBuilder().add("padding", 8))
                        .add("scales", CachedJson.createObjectBuilder().add("r", scale))
                        .add("plugins", CachedJson.createObjectBuilder()
                                .add("legend", CachedJson.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }
}
