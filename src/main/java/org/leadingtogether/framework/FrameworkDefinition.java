package org.leadingtogether.framework;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A leadership framework as read from one file in {@code content/frameworks}, already checked.
 *
 * @param code       the file's {@code id}, such as {@code lqf}; with {@code version} it identifies the framework
 * @param version    the published version, such as "2012"
 * @param title      the full title
 * @param shortTitle the title for tight spaces; the full title when the file gives none
 * @param summary    two or three sentences; empty when the file gives none
 * @param active     whether this is the framework people currently rate themselves against (at most one is)
 * @param scale      the self-assessment scale in file order
 * @param dimensions the dimensions in file order
 * @param path       the file, relative to the content root
 */
public record FrameworkDefinition(String code, String version, String title, String shortTitle, String summary,
                                  boolean active, List<ScalePointDefinition> scale,
                                  List<DimensionDefinition> dimensions, String path) {

    public FrameworkDefinition {
        scale = List.copyOf(scale);
        dimensions = List.copyOf(dimensions);
    }

    /** Every element code in the framework, in file order: what a module's {@code elements} may refer to. */
    public Set<String> elementCodes() {
        Set<String> codes = new LinkedHashSet<>();
        dimensions.forEach(dimension -> dimension.elements().forEach(element -> codes.add(element.code())));
        return Collections.unmodifiableSet(codes);
    }

    /** The same framework, no longer active. */
    FrameworkDefinition inactive() {
        return new FrameworkDefinition(code, version, title, shortTitle, summary, false, scale, dimensions, path);
    }
}
