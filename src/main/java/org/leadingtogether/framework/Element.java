package org.leadingtogether.framework;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * An element of a dimension (e.g. "Developing networks"), with a code that content files refer to
 * (e.g. {@code LQF-2.1}). Ratings and evidence point at elements. Its behaviour statements (what someone
 * working with a person could see them do) are what a 360 asks about; they come from the framework file and are
 * replaced as a whole at each import.
 */
@Entity
@Table(name = "framework_element")
public class Element extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dimension_id")
    private Dimension dimension;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column
    private String description;

    @Column(nullable = false)
    private int position;

    /**
     * Read only when asked for: the framework's view reads all its elements' behaviours in one statement
     * ({@code FrameworkService}), where loading them with each element cost a statement an element.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "framework_element_behaviour", joinColumns = @JoinColumn(name = "element_id"))
    @OrderColumn(name = "position")
    @Column(name = "statement", nullable = false, length = FrameworkReader.BEHAVIOUR_MAX)
    private List<String> behaviours = new ArrayList<>();

    protected Element() {
    }

    Element(Dimension dimension, String code) {
        this.dimension = dimension;
        this.code = code;
    }

    void update(ElementDefinition definition, int newPosition) {
        name = definition.name();
        description = definition.description();
        position = newPosition;
        if (!behaviours.equals(definition.behaviours())) {
            behaviours.clear();
            behaviours.addAll(definition.behaviours());
        }
    }

    public Dimension getDimension() {
        return dimension;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }

    public List<String> getBehaviours() {
        return behaviours;
    }
}
