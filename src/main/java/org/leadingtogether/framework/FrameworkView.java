package org.leadingtogether.framework;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A framework version as pages need it: plain, serialisable records with no lazy loading left to do.
 *
 * @param notice          what is the portal's own wording rather than the framework's; empty when nothing is said
 * @param replacesCode    the id of the earlier edition this one replaces, or {@code null}
 * @param replacesVersion that edition's version, or {@code null}
 * @param crosswalk       each element code of the earlier edition to the element codes of this one it carries over to
 */
public record FrameworkView(long id, String code, String version, String title, String shortTitle,
                            List<Scale> scale, List<DimensionView> dimensions, String notice, String replacesCode,
                            String replacesVersion, Map<String, List<String>> crosswalk) implements Serializable {

    public FrameworkView {
        notice = notice == null ? "" : notice;
        crosswalk = crosswalk == null ? Map.of() : Map.copyOf(crosswalk);
    }

    /** A framework that replaces no earlier edition. */
    public FrameworkView(long id, String code, String version, String title, String shortTitle,
                         List<Scale> scale, List<DimensionView> dimensions) {
        this(id, code, version, title, shortTitle, scale, dimensions, "", null, null, Map.of());
    }

    public record Scale(int value, String label, String description) implements Serializable {
    }

    public record DimensionView(long id, String code, String name, String tier, String description,
                                List<ElementView> elements) implements Serializable {
    }

    /** An element, with the behaviour statements a 360 asks about (empty if its file gives none). */
    public record ElementView(long id, String code, String name, String description, List<String> behaviours)
            implements Serializable {

        public ElementView {
            behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        }

        public ElementView(long id, String code, String name, String description) {
            this(id, code, name, description, List.of());
        }
    }

    public int maxScale() {
        return scale.stream().mapToInt(Scale::value).max().orElse(0);
    }

    public int minScale() {
        return scale.stream().mapToInt(Scale::value).min().orElse(0);
    }

    public List<ElementView> allElements() {
        return dimensions.stream().flatMap(d -> d.elements().stream()).toList();
    }

    /** The codes of this framework's elements. */
    public Set<String> elementCodes() {
        return allElements().stream().map(ElementView::code).collect(Collectors.toSet());
    }

    /** Whether this edition replaces the given one, so that its ratings and evidence carry over through the crosswalk. */
    public boolean replaces(String frameworkCode, String frameworkVersion) {
        return frameworkCode != null && frameworkCode.equals(replacesCode) && frameworkVersion != null
                && frameworkVersion.equals(replacesVersion);
    }

    /**
     * The element codes of this framework that some evidence counts for: its own codes among {@code codes}, and
     * those the crosswalk leads to from codes of the edition it replaces. Each code once, so a lesson tagged with
     * both a 2026 element and the 2012 element that leads to it still counts once for it.
     */
    public Set<String> ownCodes(Collection<String> codes) {
        return ownCodes(codes, elementCodes());
    }

    /**
     * {@link #ownCodes(Collection)} with this framework's {@link #elementCodes()} worked out once by the caller, for a
     * caller that asks for many collections at once: a learner's progress asks once per completed lesson, and with the
     * set made afresh at each ask that took 2.5 % of the learner home's CPU in a profile, 0.5 % once it was made once
     * (src/load/MEASUREMENTS.md, the twenty-sixth machine).
     */
    public Set<String> ownCodes(Collection<String> codes, Set<String> elementCodes) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : codes) {
            if (elementCodes.contains(code)) {
                result.add(code);
            }
            result.addAll(crosswalk.getOrDefault(code, List.of()));
        }
        return result;
    }

    /** Whether the file says something about its wording (shown beside the framework). */
    public boolean hasNotice() {
        return !notice.isBlank();
    }
}
