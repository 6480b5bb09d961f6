package org.leadingtogether.learning.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.learning.CatalogueEntry;
import org.leadingtogether.learning.LearningService;

import java.util.List;

/** The catalogue of modules, filtered by GET parameters ({@code dimension}, {@code q}) so a filter can be bookmarked. */
@Named
@RequestScoped
public class CatalogueBacking {

    @Inject
    private LearningService learning;

    @Inject
    private FrameworkService frameworks;

    private String dimension;
    private String q;
    private List<CatalogueEntry> entries = List.of();
    private List<FrameworkView.DimensionView> dimensions = List.of();

    public void load() {
        entries = learning.findCatalogue(dimension, q);
        dimensions = frameworks.findActive().map(FrameworkView::dimensions).orElse(List.of());
    }

    public boolean isFiltered() {
        return (dimension != null && !dimension.isBlank()) || (q != null && !q.isBlank());
    }

    public String getDimension() {
        return dimension;
    }

    public void setDimension(String dimension) {
        this.dimension = dimension;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public List<CatalogueEntry> getEntries() {
        return entries;
    }

    public List<FrameworkView.DimensionView> getDimensions() {
        return dimensions;
    }
}
