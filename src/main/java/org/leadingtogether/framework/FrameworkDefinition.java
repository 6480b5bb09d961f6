package org.leadingtogether.framework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * @param notice     what a reader should know about the wording (which names are published, which are the
 *                   portal's own); empty when the file gives none
 * @param replaces   the earlier edition this one replaces and how its elements map onto this one's, or
 *                   {@code null} when it replaces none
 */
public record FrameworkDefinition(String code, String version, String title, String shortTitle, String summary,
                                  boolean active, List<ScalePointDefinition> scale,
                                  List<DimensionDefinition> dimensions, String path, String notice,
                                  Replaces replaces) {

    public FrameworkDefinition {
        scale = List.copyOf(scale);
        dimensions = List.copyOf(dimensions);
        notice = notice == null ? "" : notice;
    }

    /** A framework that replaces no earlier edition and carries no notice. */
    public FrameworkDefinition(String code, String version, String title, String shortTitle, String summary,
                               boolean active, List<ScalePointDefinition> scale,
                               List<DimensionDefinition> dimensions, String path) {
        this(code, version, title, shortTitle, summary, active, scale, dimensions, path, "", null);
    }

    /**
     * The earlier edition a framework replaces, and its crosswalk.
     *
     * @param code      the earlier edition's id, such as {@code lqf}
     * @param version   its version, such as "2012"
     * @param crosswalk each of its element codes (file order) to the element codes of this edition it carries over to
     * @param line      the line of {@code replaces} in the file, for problems found against the earlier edition
     */
    public record Replaces(String code, String version, Map<String, List<String>> crosswalk, int line) {

        public Replaces {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            crosswalk.forEach((from, to) -> copy.put(from, List.copyOf(to)));
            crosswalk = Collections.unmodifiableMap(copy);
        }
    }

    /** Every element code in the framework, in file order: what a module's {@code elements} may refer to. */
    public Set<String> elementCodes() {
        Set<String> codes = new LinkedHashSet<>();
        dimensions.forEach(dimension -> dimension.elements().forEach(element -> codes.add(element.code())));
        return Collections.unmodifiableSet(codes);
    }

    /** The same framework, no longer active. */
    FrameworkDefinition inactive() {
        return new FrameworkDefinition(code, version, title, shortTitle, summary, false, scale, dimensions, path,
                notice, replaces);
    }

    /** The same framework without its crosswalk (when the edition it names could not be checked). */
    FrameworkDefinition withoutReplaces() {
        return new FrameworkDefinition(code, version, title, shortTitle, summary, active, scale, dimensions, path,
                notice, null);
    }
}
