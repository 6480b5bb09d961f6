package org.leadingtogether.framework;

import java.io.Serializable;
import java.util.List;

/**
 * A framework version as pages need it: plain, serialisable records with no lazy loading left to do.
 */
public record FrameworkView(long id, String code, String version, String title, String shortTitle,
                            List<Scale> scale, List<DimensionView> dimensions) implements Serializable {

    public record Scale(int value, String label, String description) implements Serializable {
    }

    public record DimensionView(long id, String code, String name, String tier, String description,
                                List<ElementView> elements) implements Serializable {
    }

    public record ElementView(long id, String code, String name, String description) implements Serializable {
    }

    public int maxScale() {
        return scale.stream().mapToInt(Scale::value).max().orElse(0);
    }

    public int minScale() {
        return scale.stream().mapToInt(Scale::value).min().orElse(0);
    }

    public List<ElementView> allElements() {
        return dimensions.stream().flatMap(d -> d.elements().stream()).toList();
    }
}
