package org.leadingtogether.learning;

import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.platform.content.ContentError;

import java.util.List;

/**
 * Everything read from the content folder at one moment: what passed every check, every problem found, and
 * every warning. Files with problems are absent from the lists, so whoever imports the snapshot can keep the last
 * good version of them live and show the errors to an administrator. Warnings (a setting in too many lessons, an
 * element no lesson teaches, answers that give themselves away by their length) never keep anything back.
 *
 * @param frameworks the frameworks that passed every check
 * @param modules    the modules that passed every check
 * @param errors     every problem found
 * @param warnings   everything worth fixing that does not stop content going live
 */
public record ContentSnapshot(List<FrameworkDefinition> frameworks, List<ModuleDefinition> modules,
                              List<ContentError> errors, List<ContentError> warnings) {

    public ContentSnapshot {
        frameworks = List.copyOf(frameworks);
        modules = List.copyOf(modules);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public ContentSnapshot(List<FrameworkDefinition> frameworks, List<ModuleDefinition> modules,
                           List<ContentError> errors) {
        this(frameworks, modules, errors, List.of());
    }
}
