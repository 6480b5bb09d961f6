package org.leadingtogether.framework;

/**
 * One element of a framework dimension, the smallest thing people rate themselves against and that learning
 * modules map to.
 *
 * @param code        the stable code, such as {@code LQF-1.1}, by which modules and ratings refer to it
 * @param name        the name as published in the framework
 * @param description what the element looks like in practice; empty when the file gives none
 */
public record ElementDefinition(String code, String name, String description) {
}
