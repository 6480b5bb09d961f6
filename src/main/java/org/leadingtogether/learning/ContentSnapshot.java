package org.leadingtogether.learning;

import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.platform.content.ContentError;

import java.util.List;

/**
 * Everything read from the content folder at one moment: what passed every check, and every problem found.
 * Files with problems are absent from the lists, so whoever imports the snapshot can keep the last good version
 * of them live and show the errors to an administrator.
 *
 * @param frameworks the frameworks that passed every check
 * @param modules    the modules that passed every check
 * @param errors     every problem found
 */
public record ContentSnapshot(List<FrameworkDefinition> frameworks, List<ModuleDefinition> modules,
                              List<ContentError> errors) {

    public ContentSnapshot {
        frameworks = List.copyOf(frameworks);
        modules = List.copyOf(modules);
        errors = List.copyOf(errors);
    }
}
