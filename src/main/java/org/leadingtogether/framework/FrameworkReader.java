package org.leadingtogether.framework;

import org.leadingtogether.platform.content.ContentError;
import org.leadingtogether.platform.content.YamlDocument;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and checks every framework file in {@code content/frameworks}.
 *
 * <p>Every problem in a file is reported, each with the line of the key or list item at fault, so an
 * administrator can fix a file in one pass. A file with any problem is left out entirely: a half-read framework
 * would let people rate themselves against the wrong elements. Bad content never throws; it becomes a
 * {@link ContentError}.
 */
public final class FrameworkReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TIERS = Set.of("core", "senior", "principle");
    /** The longest behaviour statement (the column that keeps it). */
    public static final int BEHAVIOUR_MAX = 300;

    private FrameworkReader() {
    }

    /**
     * @param frameworks the frameworks that passed every check, in file-name order
     * @param errors     every problem found, in file-name order
     */
    public record Result(List<FrameworkDefinition> frameworks, List<ContentError> errors) {

        public Result {
            frameworks = List.copyOf(frameworks);
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param frameworksDir the folder holding the {@code *.yaml} and {@code *.yml} files
     * @param contentRoot   the content root, against which reported paths are given
     */
    public static Result read(Path frameworksDir, Path contentRoot) {
        List<ContentError> errors = new ArrayList<>();
        String folder = relative(contentRoot, frameworksDir);
        if (!Files.isDirectory(frameworksDir)) {
            errors.add(new ContentError(folder, 0, "The content folder '" + folder + "' does not exist."));
            return new Result(List.of(), errors);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(frameworksDir)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml")
                            || file.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            errors.add(new ContentError(folder, 0, "The folder could not be read: " + e.getMessage()));
            return new Result(List.of(), errors);
        }
        Map<String, String> firstPathByIdAndVersion = new HashMap<>();
        List<Read> read = new ArrayList<>();
        for (Path file : files) {
            FrameworkFile frameworkFile = new FrameworkFile(file, relative(contentRoot, file));
            frameworkFile.read(firstPathByIdAndVersion).ifPresent(read::add);
            errors.addAll(frameworkFile.errors);
        }
        return new Result(checkCrosswalks(onlyOneActive(read, errors), errors), errors);
    }

    /**
     * A crosswalk must start from an edition that was read, and from elements that edition has. When it does not,
     * the problem is reported and the crosswalk is set aside (the framework itself is still good to use).
     */
    private static List<FrameworkDefinition> checkCrosswalks(List<FrameworkDefinition> frameworks,
                                                             List<ContentError> errors) {
        List<FrameworkDefinition> checked = new ArrayList<>();
        for (FrameworkDefinition framework : frameworks) {
            FrameworkDefinition.Replaces replaces = framework.replaces();
            if (replaces == null) {
                checked.add(framework);
                continue;
            }
            Optional<FrameworkDefinition> earlier = frameworks.stream()
                    .filter(f -> f.code().equals(replaces.code()) && f.version().equals(replaces.version()))
                    .findFirst();
            List<String> problems = new ArrayList<>();
            if (earlier.isEmpty()) {
                problems.add("This framework replaces '" + replaces.code() + "' version '" + replaces.version()
                        + "', but no valid framework file defines it; the crosswalk is ignored until it does.");
            } else {
                Set<String> earlierCodes = earlier.get().elementCodes();
                replaces.crosswalk().keySet().stream().filter(code -> !earlierCodes.contains(code))
                        .forEach(code -> problems.add("The crosswalk starts from '" + code + "', which is not an"
                                + " element of '" + replaces.code() + "' version '" + replaces.version()
                                + "'; the crosswalk is ignored until this is fixed."));
            }
            problems.forEach(message -> errors.add(new ContentError(framework.path(), replaces.line(), message)));
            checked.add(problems.isEmpty() ? framework : framework.withoutReplaces());
        }
        return checked;
    }

    /** The first active framework (in file-name order) stays active; any later one is reported and switched off. */
    private static List<FrameworkDefinition> onlyOneActive(List<Read> read, List<ContentError> errors) {
        List<FrameworkDefinition> frameworks = new ArrayList<>();
        FrameworkDefinition firstActive = null;
        for (Read one : read) {
            FrameworkDefinition framework = one.framework();
            if (framework.active() && firstActive == null) {
                firstActive = framework;
            } else if (framework.active()) {
                errors.add(new ContentError(framework.path(), one.activeLine(),
                        "Only one framework can be active, and '" + firstActive.code() + "' (" + firstActive.path()
                                + ") already is. Set 'active: false' here; until then this framework is treated as"
                                + " inactive."));
                framework = framework.inactive();
            }
            frameworks.add(framework);
        }
        return frameworks;
    }

    private static String relative(Path contentRoot, Path file) {
        Path relative = contentRoot.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = relative.toString().replace('\\', '/');
        return path.isEmpty() ? "." : path;
    }

    private record Read(FrameworkDefinition framework, int activeLine) {
    }

    /** One file being read: its problems are collected here so that the rest of the file is still checked. */
    private static final class FrameworkFile {

        private final Path file;
        private final String path;
        private final List<ContentError> errors = new ArrayList<>();

        FrameworkFile(Path file, String path) {
            this.file = file;
            this.path = path;
        }

        Optional<Read> read(Map<String, String> firstPathByIdAndVersion) {
            Optional<YamlDocument> parsed = parse();
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            YamlDocument doc = parsed.get();
            String id = text(doc, "id", "The framework needs an 'id', such as 'lqf'.");
            if (id != null && !ID.matcher(id).matches()) {
                error(doc.line("id"), "The id '" + id + "' may contain only lowercase letters, digits and hyphens.");
            }
            String version = text(doc, "version", "The framework needs a 'version', such as \"2012\".");
            String title = text(doc, "title", "The framework needs a 'title'.");
            String shortTitle = text(doc, "shortTitle", null);
            String summary = text(doc, "summary", null);
            boolean active = attempt(() -> doc.bool("active", false), false);
            List<ScalePointDefinition> scale = scale(doc);
            List<DimensionDefinition> dimensions = dimensions(doc);
            String notice = text(doc, "notice", null);
            FrameworkDefinition.Replaces replaces = replaces(doc, dimensions);
            if (id != null && version != null) {
                String earlier = firstPathByIdAndVersion.putIfAbsent(id + "\n" + version, path);
                if (earlier != null) {
                    error(doc.line("id"), "The framework '" + id + "' version '" + version + "' is already defined in "
                            + earlier + ". Give this file a different version, or remove one of the two.");
                }
            }
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            FrameworkDefinition framework = new FrameworkDefinition(id, version, title,
                    shortTitle == null ? title : shortTitle, summary == null ? "" : summary, active, scale, dimensions,
                    path, notice, replaces);
            return Optional.of(new Read(framework, doc.line("active")));
        }

        private Optional<YamlDocument> parse() {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return Optional.of(YamlDocument.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, 1));
            } catch (CharacterCodingException e) {
                error(0, "The file is not valid UTF-8 text. Save it with UTF-8 encoding.");
            } catch (IOException e) {
                error(0, "The file could not be read: " + e.getMessage());
            } catch (YamlDocument.Invalid e) {
                error(e.line(), e.getMessage());
            }
            return Optional.empty();
        }

        private List<ScalePointDefinition> scale(YamlDocument doc) {
            List<ScalePointDefinition> scale = new ArrayList<>();
            List<YamlDocument> points = items(doc, "scale", 2,
                    "The 'scale' needs at least two points, each with a 'value' and a 'label'.");
            Set<Integer> values = new HashSet<>();
            for (YamlDocument point : points) {
                Integer value = attempt(() -> point.integer("value"), Optional.<Integer>empty()).orElse(null);
                if (value == null && !point.has("value")) {
                    error(point.line("value"), "Each scale point needs a whole-number 'value'.");
                } else if (value != null && !values.add(value)) {
                    error(point.line("value"), "The scale value " + value + " is used twice; give each point its own"
                            + " value.");
                }
                String label = text(point, "label", "Each scale point needs a 'label', such as 'Established'.");
                String description = text(point, "description", null);
                if (value != null && label != null) {
                    scale.add(new ScalePointDefinition(value, label, description == null ? "" : description));
                }
            }
            return scale;
        }

        private List<DimensionDefinition> dimensions(YamlDocument doc) {
            List<DimensionDefinition> dimensions = new ArrayList<>();
            Set<String> dimensionCodes = new HashSet<>();
            Set<String> elementCodes = new HashSet<>();
            for (YamlDocument dimension : items(doc, "dimensions", 1,
                    "The framework needs at least one item under 'dimensions'.")) {
                String code = text(dimension, "code", "Each dimension needs a 'code', such as 'LQF-1'.");
                if (code != null && !dimensionCodes.add(code)) {
                    error(dimension.line("code"), "The dimension code '" + code + "' is used twice in this framework.");
                }
                String name = text(dimension, "name", "Each dimension needs a 'name'.");
                String tier = text(dimension, "tier", "Each dimension needs a 'tier': core, senior or principle.");
                if (tier != null && !TIERS.contains(tier)) {
                    error(dimension.line("tier"), "The tier '" + tier + "' is not recognised; use core, senior or"
                            + " principle.");
                }
                String description = text(dimension, "description", null);
                List<ElementDefinition> elements = elements(dimension, code, elementCodes);
                if (code != null && name != null && tier != null) {
                    dimensions.add(new DimensionDefinition(code, name, tier, description == null ? "" : description,
                            elements));
                }
            }
            return dimensions;
        }

        private List<ElementDefinition> elements(YamlDocument dimension, String dimensionCode,
                                                 Set<String> elementCodes) {
            List<ElementDefinition> elements = new ArrayList<>();
            String owner = dimensionCode == null ? "Each dimension" : "The dimension '" + dimensionCode + "'";
            for (YamlDocument element : items(dimension, "elements", 1,
                    owner + " needs at least one item under 'elements'.")) {
                String code = text(element, "code", "Each element needs a 'code', such as 'LQF-1.1'.");
                if (code != null && !elementCodes.add(code)) {
                    error(element.line("code"), "The element code '" + code + "' is used twice in this framework.");
                }
                String name = text(element, "name", "Each element needs a 'name'.");
                String description = text(element, "description", null);
                List<String> behaviours = attempt(() -> element.strings("behaviours"), List.<String>of());
                behaviours.stream().filter(b -> b.length() > BEHAVIOUR_MAX).forEach(b -> error(element.line("behaviours"),
                        "Keep each behaviour statement to " + BEHAVIOUR_MAX + " characters or fewer: '" + b + "'."));
                if (code != null && name != null) {
                    elements.add(new ElementDefinition(code, name, description == null ? "" : description, behaviours));
                }
            }
            return elements;
        }

        /**
         * The earlier edition this one replaces, with its crosswalk: {@code replaces: {framework, version,
         * crosswalk: [{from, to: [...]}]}}. Every {@code to} code must be an element of this framework, and each
         * {@code from} code listed once; whether the {@code from} codes exist is checked once every file is read.
         */
        private FrameworkDefinition.Replaces replaces(YamlDocument doc, List<DimensionDefinition> dimensions) {
            if (!doc.has("replaces")) {
                return null;
            }
            YamlDocument replaces = attempt(() -> doc.mapping("replaces"), null);
            if (replaces == null) {
                return null;
            }
            String code = text(replaces, "framework", "'replaces' needs the 'framework' id of the earlier edition,"
                    + " such as 'lqf'.");
            String version = text(replaces, "version", "'replaces' needs the 'version' of the earlier edition, such"
                    + " as \"2012\".");
            Set<String> ownCodes = new HashSet<>();
            dimensions.forEach(d -> d.elements().forEach(e -> ownCodes.add(e.code())));
            Map<String, List<String>> crosswalk = new java.util.LinkedHashMap<>();
            for (YamlDocument link : items(replaces, "crosswalk", 1,
                    "'replaces' needs a 'crosswalk' with at least one item: {from: LQF-1.1, to: [MLC-P4.2]}.")) {
                String from = text(link, "from", "Each crosswalk item needs a 'from' element code.");
                List<String> to = attempt(() -> link.strings("to"), List.<String>of());
                if (to.isEmpty()) {
                    error(link.line("to"), "Each crosswalk item needs 'to': the element codes of this framework it"
                            + " carries over to, such as [MLC-P4.2].");
                }
                to.stream().filter(c -> !ownCodes.contains(c)).forEach(c -> error(link.line("to"),
                        "The crosswalk leads to '" + c + "', which is not an element of this framework."));
                if (from != null && crosswalk.putIfAbsent(from, to) != null) {
                    error(link.line("from"), "The crosswalk lists '" + from + "' twice; give each earlier element one"
                            + " item with all the elements it leads to.");
                }
            }
            if (code == null || version == null) {
                return null;
            }
            return new FrameworkDefinition.Replaces(code, version, crosswalk, doc.line("replaces"));
        }

        /** The text of a key; reports it (and gives {@code null}) when wrong, or when missing and required. */
        private String text(YamlDocument doc, String key, String missing) {
            Optional<String> value = attempt(() -> doc.string(key), null);
            if (value == null) {
                return null;
            }
            if (value.isEmpty() && missing != null) {
                error(doc.line(key), missing);
            }
            return value.orElse(null);
        }

        private List<YamlDocument> items(YamlDocument doc, String key, int least, String tooFew) {
            List<YamlDocument> items = attempt(() -> doc.mappings(key), null);
            if (items == null) {
                return List.of();
            }
            if (items.size() < least) {
                error(doc.line(key), tooFew);
            }
            return items;
        }

        private <T> T attempt(Supplier<T> read, T fallback) {
            try {
                return read.get();
            } catch (YamlDocument.Invalid e) {
                error(e.line(), e.getMessage());
                return fallback;
            }
        }

        private void error(int line, String message) {
            errors.add(new ContentError(path, line, message));
        }
    }
}
