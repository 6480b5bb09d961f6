package org.leadingtogether.learning;

import org.leadingtogether.framework.DimensionRef;

import java.io.Serializable;
import java.util.List;

/** A module in the catalogue, with the caller's progress and the dimensions it develops. */
public record CatalogueEntry(String key, String title, String summary, int minutes, int lessons, int done,
                             List<DimensionRef> dimensions) implements Serializable {

    public int percent() {
        return Progress.percent(done, lessons);
    }
}
