package org.leadingtogether.framework;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.util.ArrayList;
import java.util.List;

/** A dimension of a framework (e.g. "Working with others"), with its elements in order. */
@Entity
@Table(name = "framework_dimension")
public class Dimension extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    /** core, senior or principle: who the dimension is for. */
    @Column(nullable = false, length = 20)
    private String tier;

    @Column
    private String description;

    @Column(nullable = false)
    private int position;

    @OneToMany(mappedBy = "dimension", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Element> elements = new ArrayList<>();

    protected Dimension() {
    }

    Dimension(Framework framework, String code) {
        this.framework = framework;
        this.code = code;
    }

    void update(DimensionDefinition definition, int newPosition) {
        name = definition.name();
        tier = definition.tier();
        description = definition.description();
        position = newPosition;
        int elementPosition = 0;
        for (ElementDefinition elementDefinition : definition.elements()) {
            Element element = elements.stream().filter(e -> e.getCode().equals(elementDefinition.code())).findFirst()
                    .orElseGet(() -> {
                        Element created = new Element(this, elementDefinition.code());
                        elements.add(created);
                        return created;
                    });
            element.update(elementDefinition, elementPosition++);
        }
    }

    public Framework getFramework() {
        return framework;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getTier() {
        return tier;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }

    public List<Element> getElements() {
        return elements;
    }
}
