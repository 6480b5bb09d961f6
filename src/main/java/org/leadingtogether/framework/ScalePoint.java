package org.leadingtogether.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

/** One point of a framework's rating scale, e.g. 3, "Established", with a one-line description. */
@Embeddable
public class ScalePoint implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "scale_value", nullable = false)
    private int value;

    @Column(nullable = false, length = 60)
    private String label;

    @Column(length = 300)
    private String description;

    protected ScalePoint() {
    }

    public ScalePoint(int value, String label, String description) {
        this.value = value;
        this.label = label;
        this.description = description;
    }

    public int getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }
}
