package org.leadingtogether.learning;

import org.leadingtogether.platform.content.ContentError;
import org.leadingtogether.platform.content.FrontMatter;
import org.leadingtogether.platform.content.YamlDocument;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;


/**
 * Reads the values of one file, turning each problem into a {@link ContentError} against that file so the
 * rest of the file is still checked. A value that is wrong or missing comes back as {@code null}.
 */
final class FileChecks {

    /** A file split into its front matter, parsed, and its body. */
    record Parsed(FrontMatter frontMatter, YamlDocument yaml) {
    }

    final String path;
    final List<ContentError> errors;
    final List<ContentError> warnings;

    FileChecks(String path, List<ContentError> errors) {
        this(path, errors, new java.util.ArrayList<>());
    }

    /** @param warnings where things worth fixing that do not stop the file being used are reported */
    FileChecks(String path, List<ContentError> errors, List<ContentError> warnings) {
        this.path = path;
        this.errors = errors;
        this.warnings = warnings;
    }

    Optional<String> readText(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            error(0, "The file is not valid UTF-8 text. Save it with UTF-8 encoding.");
        } catch (IOException e) {
            error(0, "The file could not be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    Optional<Parsed> parse(String text) {
        try {
            FrontMatter frontMatter = FrontMatter.split(text);
            return Optional.of(new Parsed(frontMatter,
                    YamlDocument.parse(frontMatter.yaml(), frontMatter.yamlFirstLine())));
        } catch (YamlDocument.Invalid e) {
            error(e.line(), e.getMessage());
            return Optional.empty();
        }
    }

    String text(YamlDocument doc, String key, String missing, int max) {
        Optional<String> value = attempt(() -> doc.string(key));
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            if (missing != null) {
                error(doc.line(key), missing);
            }
            return null;
        }
        if (value.get().length() > max) {
            error(doc.line(key), "'" + key + "' is " + value.get().length() + " characters long; keep it to "
                    + max + " or fewer.");
            return null;
        }
        return value.get();
    }

    Integer number(YamlDocument doc, String key, String missing, int min, int max) {
        Optional<Integer> value = attempt(() -> doc.integer(key));
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            error(doc.line(key), missing);
            return null;
        }
        int number = value.get();
        if (number < min || number > max) {
            error(doc.line(key), max == Integer.MAX_VALUE
                    ? "'" + key + "' must be " + min + " or more, not " + number + "."
                    : "'" + key + "' must be between " + min + " and " + max + ", not " + number + ".");
            return null;
        }
        return number;
    }

    List<String> strings(YamlDocument doc, String key, int least, String tooFew) {
        List<String> items = attempt(() -> doc.strings(key));
        if (items == null) {
            return List.of();
        }
        if (items.size() < least) {
            error(doc.line(key), tooFew);
        }
        return items;
    }

    List<YamlDocument> items(YamlDocument doc, String key) {
        List<YamlDocument> items = attempt(() -> doc.mappings(key));
        return items == null ? List.of() : items;
    }

    /** @return the value read, or {@code null} when it was of the wrong kind (and has been reported) */
    private <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (YamlDocument.Invalid e) {
            error(e.line(), e.getMessage());
            return null;
        }
    }

    void warn(int line, String message) {
        warnings.add(new ContentError(path, line, message));
    }

    void error(int line, String message) {
        errors.add(new ContentError(path, line, message));
    }
}
