package org.leadingtogether.framework;

import java.util.List;

/**
 * One element of a framework dimension, the smallest thing people rate themselves against and that learning
 * modules map to.
 *
 * @param code        the stable code, such as {@code LQF-1.1}, by which modules and ratings refer to it
 * @param name        the name as published in the framework
 * @param description what the element looks like in practice; empty when the file gives none
 * @param behaviours  what someone working with a person could see them do when they show this element: the
 *                    statements a 360 asks the person and their raters to judge; empty when the file gives none
 */
public record ElementDefinition(String code, String name, String description, List<String> behaviours) {

    public ElementDefinition {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }

    /** An element with no behaviour statements. */
    public ElementDefinition(String code, String name, String description) {
        this(code, name, description, List.of());
    }
}
