package org.leadingtogether.progress;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The Chart.js configuration of a radar: one axis per dimension, one line per assessment. Drawn by
 * PrimeFaces' chart component; the same figures are always shown in a table beside it.
 */
public final class RadarChart {

    private RadarChart() {
    }

    /** A line on the radar: its label, colour (CSS) and one value per axis. */
    public record Series(String label, String colour, List<Double> values) {
    }

    public static String json(List<String> axes, int max, List<Series> series) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        axes.forEach(labels::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.values().forEach(data::add);
            datasets.add(Json.createObjectBuilder()
                    .add("label", s.label())
                    .add("data", data)
                    .add("borderColor", s.colour())
                    .add("backgroundColor", s.colour().replace("rgb(", "rgba(").replace(")", ", 0.15)"))
                    .add("pointBackgroundColor", s.colour())
                    .add("fill", true));
        }
        JsonObjectBuilder scale = Json.createObjectBuilder()
                .add("min", 0).add("max", max)
                .add("ticks", Json.createObjectBuilder().add("stepSize", 1).add("color", "#1f2328"))
                .add("pointLabels", Json.createObjectBuilder().add("color", "#1f2328").add("font", Json.createObjectBuilder().add("size", 12)));
        return Json.createObjectBuilder()
                .add("type", "radar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", true)
                        .add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("r", scale))
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }
}
