package org.leadingtogether.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** One line of a crosswalk: an element of the earlier edition and one element of this edition it carries over to. */
@Embeddable
public class CrosswalkLink implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "from_code", nullable = false, length = 40)
    private String fromCode;

    @Column(name = "to_code", nullable = false, length = 40)
    private String toCode;

    protected CrosswalkLink() {
    }

    CrosswalkLink(String fromCode, String toCode) {
        this.fromCode = fromCode;
        this.toCode = toCode;
    }

    public String getFromCode() {
        return fromCode;
    }

    public String getToCode() {
        return toCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrosswalkLink link && fromCode.equals(link.fromCode) && toCode.equals(link.toCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromCode, toCode);
    }
}
