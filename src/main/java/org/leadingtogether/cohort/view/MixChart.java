package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import org.leadingtogether.cohort.MixCount;
import org.leadingtogether.platform.CachedJson;

import java.util.List;

/**
 * Chart.js configuration of a horizontal bar chart of counts, for the mix of a cohort or a programme. Used by
 * the mix template as {@code #{mixChart.json(counts, heading)}}; the same counts are always in a table beside it.
 */
@Named
@ApplicationScoped
public class MixChart {

    public String json(List<MixCount> counts, String label) {
        JsonArrayBuilder labels = CachedJson.createArrayBuilder();
        JsonArrayBuilder data = CachedJson.createArrayBuilder();
        counts.forEach(c -> {
            labels.add(c.label());
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
                        .add("plugins", CachedJson.createObjectBuilder().add("legend", CachedJson.createObjectBuilder().add("display", false)))
                        .add("scales", CachedJson.createObjectBuilder().add("x", CachedJson.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", CachedJson.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
