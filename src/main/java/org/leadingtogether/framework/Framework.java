package org.leadingtogether.framework;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a leadership framework (e.g. the Leadership Qualities Framework, 2012). Its content
 * comes from a file; {@link #update} brings names and descriptions up to date and adds what is new,
 * but never removes a dimension or element, because ratings point at them.
 */
@Entity
@Table(name = "framework")
@NamedQuery(name = "Framework.findAll", query = "SELECT f FROM Framework f ORDER BY f.title, f.frameworkVersion")
@NamedQuery(name = "Framework.findActive", query = "SELECT f FROM Framework f WHERE f.active = TRUE")
@NamedQuery(name = "Framework.findByCodeAndVersion",
        query = "SELECT f FROM Framework f WHERE f.code = :code AND f.frameworkVersion = :version")
public class Framework extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(name = "framework_version", nullable = false, length = 20)
    private String frameworkVersion;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "short_title", length = 100)
    private String shortTitle;

    @Column
    private String summary;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "source_path", length = 300)
    private String sourcePath;

    @Column
    private String notice;

    @Column(name = "replaces_code", length = 40)
    private String replacesCode;

    @Column(name = "replaces_version", length = 20)
    private String replacesVersion;

    /** What the file said about being active when last imported (see {@link FrameworkService#apply}). */
    @Column(name = "declared_active", nullable = false)
    private boolean declaredActive;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "framework_crosswalk", joinColumns = @JoinColumn(name = "framework_id"))
    private java.util.Set<CrosswalkLink> crosswalk = new java.util.HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "framework_scale_point", joinColumns = @JoinColumn(name = "framework_id"))
    @OrderBy("value")
    private List<ScalePoint> scale = new ArrayList<>();

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Dimension> dimensions = new ArrayList<>();

    protected Framework() {
    }

    public Framework(String code, String frameworkVersion) {
        this.code = code;
        this.frameworkVersion = frameworkVersion;
    }

    /**
     * Brings this version in line with its file: texts updated, new dimensions and elements added, the crosswalk
     * replaced.
     *
     * @return whether the file has just started to say this framework is active (it did not at the last import)
     */
    public boolean update(FrameworkDefinition definition) {
        boolean newlyDeclaredActive = definition.active() && !declaredActive;
        declaredActive = definition.active();
        notice = definition.notice().isBlank() ? null : definition.notice();
        FrameworkDefinition.Replaces replaces = definition.replaces();
        replacesCode = replaces == null ? null : replaces.code();
        replacesVersion = replaces == null ? null : replaces.version();
        crosswalk.clear();
        if (replaces != null) {
            replaces.crosswalk().forEach((from, to) -> to.forEach(code -> crosswalk.add(new CrosswalkLink(from, code))));
        }
        title = definition.title();
        shortTitle = definition.shortTitle();
        summary = definition.summary();
        sourcePath = definition.path();
        scale.clear();
        definition.scale().forEach(point -> scale.add(new ScalePoint(point.value(), point.label(), point.description())));
        int position = 0;
        for (DimensionDefinition dimensionDefinition : definition.dimensions()) {
            Dimension dimension = findDimension(dimensionDefinition.code()).orElseGet(() -> {
                Dimension created = new Dimension(this, dimensionDefinition.code());
                dimensions.add(created);
                return created;
            });
            dimension.update(dimensionDefinition, position++);
        }
        return newlyDeclaredActive;
    }

    public Optional<Dimension> findDimension(String dimensionCode) {
        return dimensions.stream().filter(d -> d.getCode().equals(dimensionCode)).findFirst();
    }

    public void activate() {
        active = true;
    }

    public void deactivate() {
        active = false;
    }

    public String getCode() {
        return code;
    }

    public String getFrameworkVersion() {
        return frameworkVersion;
    }

    public String getTitle() {
        return title;
    }

    public String getShortTitle() {
        return shortTitle == null ? title : shortTitle;
    }

    public String getSummary() {
        return summary;
    }

    public boolean isActive() {
        return active;
    }

    public String getSourcePath() {
        return sourcePath;
    }

    public String getNotice() {
        return notice;
    }

    public String getReplacesCode() {
        return replacesCode;
    }

    public String getReplacesVersion() {
        return replacesVersion;
    }

    public java.util.Set<CrosswalkLink> getCrosswalk() {
        return crosswalk;
    }

    public List<ScalePoint> getScale() {
        return scale;
    }

    public List<Dimension> getDimensions() {
        return dimensions;
    }
}
