package org.leadingtogether.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * An element of a dimension (e.g. "Developing networks"), with a code that content files refer to
 * (e.g. {@code LQF-2.1}). Ratings and evidence point at elements.
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
}
