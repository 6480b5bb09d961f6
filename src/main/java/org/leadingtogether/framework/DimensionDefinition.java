package org.leadingtogether.framework;

import java.util.List;

/**
 * One dimension of a framework (or principle, in frameworks organised that way) with its elements.
 *
 * @param code        the stable code, such as {@code LQF-1}
 * @param name        the name as published in the framework
 * @param tier        {@code core}, {@code senior} or {@code principle}
 * @param description what the dimension covers; empty when the file gives none
 * @param elements    the elements in file order, at least one
 */
public record DimensionDefinition(String code, String name, String tier, String description,
                                  List<ElementDefinition> elements) {

    public DimensionDefinition {
        elements = List.copyOf(elements);
    }
}
