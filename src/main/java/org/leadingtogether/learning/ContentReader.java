package org.leadingtogether.learning;

import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.framework.FrameworkReader;
import org.leadingtogether.platform.content.ContentError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the whole content folder: frameworks first, because modules may only refer to element codes that a
 * valid framework defines, then modules.
 *
 * <p>It never throws for bad content. A missing folder is reported as an error with nothing read, rather than
 * as an empty catalogue, so that a wrongly configured path cannot look like "all content was deleted".
 */
public final class ContentReader {

    private ContentReader() {
    }

    public static ContentSnapshot read(Path contentRoot) {
        if (!Files.isDirectory(contentRoot)) {
            return failed(List.of(new ContentError(".", 0,
                    "The content folder '" + contentRoot.toAbsolutePath().normalize() + "' does not exist.")));
        }
        Path frameworksDir = contentRoot.resolve("frameworks");
        Path modulesDir = contentRoot.resolve("modules");
        List<ContentError> missing = new ArrayList<>();
        for (Path folder : List.of(frameworksDir, modulesDir)) {
            if (!Files.isDirectory(folder)) {
                String name = folder.getFileName().toString();
                missing.add(new ContentError(name, 0, "The content folder '" + name + "' does not exist in '"
                        + contentRoot.toAbsolutePath().normalize() + "'."));
            }
        }
        if (!missing.isEmpty()) {
            return failed(missing);
        }
        FrameworkReader.Result frameworks = FrameworkReader.read(frameworksDir, contentRoot);
        Set<String> knownElementCodes = new HashSet<>();
        frameworks.frameworks().stream().map(FrameworkDefinition::elementCodes).forEach(knownElementCodes::addAll);
        ModuleReader.Result modules = ModuleReader.read(modulesDir, contentRoot, knownElementCodes);
        List<ContentError> errors = new ArrayList<>(frameworks.errors());
        errors.addAll(modules.errors());
        ContentSnapshot read = new ContentSnapshot(frameworks.frameworks(), modules.modules(), errors);
        List<ContentError> warnings = new ArrayList<>(modules.warnings());
        warnings.addAll(ContentChecks.warnings(read));
        return new ContentSnapshot(read.frameworks(), read.modules(), read.errors(), warnings);
    }

    private static ContentSnapshot failed(List<ContentError> errors) {
        return new ContentSnapshot(List.of(), List.of(), errors);
    }
}
