package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.leadingtogether.cohort.MixCount;

import java.util.List;

/**
 * Chart.js configuration of a horizontal bar chart of counts, for the mix of a cohort or a programme. Used by
 * the mix template as {@code #{mixChart.json(counts, heading)}}; the same counts are always in a table beside it.
 */
@Named
@ApplicationScoped
public class MixChart {

    public String json(List<MixCount> counts, String label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        counts.forEach(c -> {
            labels.add(c.label());
            data.add(c.count());
        });
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", label).add("data", data)
                                .add("backgroundColor", "rgb(11, 79, 138)"))))
                .add("options", Json.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
