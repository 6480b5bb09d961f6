package org.leadingtogether.framework;

import java.io.Serializable;

/** Which dimension an element code belongs to, for labelling and filtering what refers to elements. */
public record DimensionRef(String code, String name, boolean activeFramework) implements Serializable {
}
