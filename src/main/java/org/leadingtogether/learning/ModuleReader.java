package org.leadingtogether.learning;

import org.leadingtogether.platform.content.ContentError;
import org.leadingtogether.platform.content.FrontMatter;
import org.leadingtogether.platform.content.MarkdownRenderer;
import org.leadingtogether.platform.content.YamlDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and checks every module folder in {@code content/modules}: {@code module.md} and the lesson files in
 * its {@code lessons} folder.
 *
 * <p>Every problem is reported with its file and line, so an administrator can fix a module in one pass. A
 * module with any problem, in {@code module.md} or in any of its lessons, is left out entirely: learners'
 * progress is recorded against module and lesson ids, so a module must never go live with a lesson missing.
 * Ids must be unique across folders for the same reason; when two folders clash, the later one (in folder-name
 * order) is reported. Bad content never throws; it becomes a {@link ContentError}.
 */
public final class ModuleReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final int ID_MAX = 100;
    private static final int TITLE_MAX = 200;
    private static final int SUMMARY_MAX = 500;

    private ModuleReader() {
    }

    /**
     * @param modules the modules that passed every check, in folder-name order
     * @param errors  every problem found, in folder-name order
     */
    public record Result(List<ModuleDefinition> modules, List<ContentError> errors, List<ContentError> warnings) {

        public Result {
            modules = List.copyOf(modules);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public Result(List<ModuleDefinition> modules, List<ContentError> errors) {
            this(modules, errors, List.of());
        }
    }

    /**
     * @param modulesDir        the folder holding one sub-folder per module
     * @param contentRoot       the content root, against which reported paths are given
     * @param knownElementCodes the element codes of every valid framework, which modules may refer to
     */
    public static Result read(Path modulesDir, Path contentRoot, Set<String> knownElementCodes) {
        List<ContentError> errors = new ArrayList<>();
        String folder = relative(contentRoot, modulesDir);
        if (!Files.isDirectory(modulesDir)) {
            errors.add(new ContentError(folder, 0, "The content folder '" + folder + "' does not exist."));
            return new Result(List.of(), errors);
        }
        List<Path> folders;
        try {
            folders = list(modulesDir, Files::isDirectory);
        } catch (IOException e) {
            errors.add(new ContentError(folder, 0, "The folder could not be read: " + e.getMessage()));
            return new Result(List.of(), errors);
        }
        Owners owners = new Owners();
        List<ModuleDefinition> modules = new ArrayList<>();
        List<ContentError> warnings = new ArrayList<>();
        for (Path moduleFolder : folders) {
            ModuleFolder module = new ModuleFolder(moduleFolder, contentRoot, knownElementCodes, owners);
            module.read().ifPresent(modules::add);
            errors.addAll(module.errors);
            warnings.addAll(module.warnings);
        }
        return new Result(modules, errors, warnings);
    }

    /** The entries of a folder that pass the test, hidden ones aside, in name order. */
    private static List<Path> list(Path folder, Predicate<Path> test) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(test)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    private static String relative(Path contentRoot, Path file) {
        Path relative = contentRoot.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = relative.toString().replace('\\', '/');
        return path.isEmpty() ? "." : path;
    }

    /** Which file first claimed each module id and each lesson id, across all folders read so far. */
    private static final class Owners {

        final Map<String, String> modules = new HashMap<>();
        final Map<String, String> lessons = new HashMap<>();
    }

    /** One module folder being read; its problems, in any of its files, are collected here. */
    private static final class ModuleFolder {

        private final Path folder;
        private final Path contentRoot;
        private final Set<String> knownElementCodes;
        private final Owners owners;
        private final List<ContentError> errors = new ArrayList<>();
        private final List<ContentError> warnings = new ArrayList<>();

        ModuleFolder(Path folder, Path contentRoot, Set<String> knownElementCodes, Owners owners) {
            this.folder = folder;
            this.contentRoot = contentRoot;
            this.knownElementCodes = knownElementCodes;
            this.owners = owners;
        }

        Optional<ModuleDefinition> read() {
            Path moduleFile = folder.resolve("module.md");
            FileChecks module = new FileChecks(relative(contentRoot, moduleFile), errors, warnings);
            if (!Files.isRegularFile(moduleFile)) {
                module.error(0, "The module folder has no module.md file; add one, or remove the folder.");
                return Optional.empty();
            }
            Optional<String> text = module.readText(moduleFile);
            Optional<FileChecks.Parsed> parsed = text.flatMap(module::parse);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            YamlDocument doc = parsed.get().yaml();
            String id = module.text(doc, "id", "The module needs an 'id', such as 'leading-change'.", ID_MAX);
            if (id != null && !ID.matcher(id).matches()) {
                module.error(doc.line("id"), "The id '" + id + "' may contain only lowercase letters, digits and"
                        + " hyphens.");
            }
            String title = module.text(doc, "title", "The module needs a 'title'.", TITLE_MAX);
            String summary = module.text(doc, "summary", "The module needs a 'summary' of one sentence.", SUMMARY_MAX);
            Integer minutes = module.number(doc, "minutes", "The module needs 'minutes', its expected length, such as"
                    + " 30.", 1, 600);
            Integer version = module.number(doc, "version", "The module needs a 'version', starting at 1.", 1,
                    Integer.MAX_VALUE);
            List<String> elements = elements(module, doc);
            List<String> lessonIds = lessonIds(module, doc);
            List<String> texts = new ArrayList<>(List.of(text.get()));
            List<LessonDefinition> lessons = lessons(module, doc, lessonIds, texts);
            reportUnlistedLessonFiles(module.path, lessonIds);
            claimIds(module, doc, id, lessonIds);
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            checkAgainstLessons(module, doc, minutes, elements, lessons);
            return Optional.of(new ModuleDefinition(id, title, summary, minutes, version, elements,
                    MarkdownRenderer.toSafeHtml(parsed.get().frontMatter().body()), lessons, module.path,
                    sha256(texts)));
        }

        /**
         * What the contract for modules asks beyond what must hold for a module to go live: the minutes add up.
         * Reported as a warning. (Whether the module lists the elements its lessons teach depends on which
         * framework is active, so {@link ContentChecks} looks at that.)
         */
        private void checkAgainstLessons(FileChecks module, YamlDocument doc, Integer minutes, List<String> elements,
                                         List<LessonDefinition> lessons) {
            // elements: see ContentChecks.moduleElementsWarning
            int sum = lessons.stream().mapToInt(LessonDefinition::minutes).sum();
            if (minutes != null && minutes != sum) {
                module.warn(doc.line("minutes"), "The module's minutes (" + minutes + ") should be the sum of its"
                        + " lessons' minutes (" + sum + ").");
            }
        }

        private List<String> elements(FileChecks module, YamlDocument doc) {
            List<String> codes = module.strings(doc, "elements", 1,
                    "The module needs at least one framework element code under 'elements', such as [LQF-1.1].");
            Set<String> distinct = new LinkedHashSet<>();
            for (String code : codes) {
                if (!knownElementCodes.contains(code)) {
                    module.error(doc.line("elements"), "Unknown framework element code '" + code + "'.");
                } else if (!distinct.add(code)) {
                    module.error(doc.line("elements"), "The element code '" + code + "' is listed twice.");
                }
            }
            return List.copyOf(distinct);
        }

        /** The listed lesson ids that can name a file: well formed and each listed once. */
        private List<String> lessonIds(FileChecks module, YamlDocument doc) {
            List<String> listed = module.strings(doc, "lessons", 1,
                    "The module needs at least one lesson id under 'lessons'.");
            Set<String> ids = new LinkedHashSet<>();
            for (String lessonId : listed) {
                if (!ID.matcher(lessonId).matches() || lessonId.length() > ID_MAX) {
                    module.error(doc.line("lessons"), "The lesson id '" + lessonId + "' may contain only lowercase"
                            + " letters, digits and hyphens, up to " + ID_MAX + " characters.");
                } else if (!ids.add(lessonId)) {
                    module.error(doc.line("lessons"), "The lesson '" + lessonId + "' is listed twice.");
                }
            }
            return List.copyOf(ids);
        }

        private List<LessonDefinition> lessons(FileChecks module, YamlDocument doc, List<String> lessonIds,
                                               List<String> texts) {
            List<LessonDefinition> lessons = new ArrayList<>();
            for (String lessonId : lessonIds) {
                Path file = folder.resolve("lessons").resolve(lessonId + ".md");
                if (!Files.isRegularFile(file)) {
                    module.error(doc.line("lessons"), "The lesson '" + lessonId + "' is listed, but there is no file"
                            + " lessons/" + lessonId + ".md.");
                    continue;
                }
                LessonFile lesson = new LessonFile(new FileChecks(relative(contentRoot, file), errors, warnings),
                        lessonId, knownElementCodes);
                lesson.read(file, texts).ifPresent(lessons::add);
            }
            return lessons;
        }

        private void reportUnlistedLessonFiles(String modulePath, List<String> lessonIds) {
            Path lessonsDir = folder.resolve("lessons");
            if (!Files.isDirectory(lessonsDir)) {
                return;
            }
            try {
                for (Path file : list(lessonsDir, path -> Files.isRegularFile(path)
                        && path.getFileName().toString().endsWith(".md"))) {
                    String name = file.getFileName().toString();
                    if (!lessonIds.contains(name.substring(0, name.length() - ".md".length()))) {
                        errors.add(new ContentError(relative(contentRoot, file), 0, "This lesson file is not listed"
                                + " under 'lessons' in " + modulePath + "; add its id there, or remove the file."));
                    }
                }
            } catch (IOException e) {
                errors.add(new ContentError(relative(contentRoot, lessonsDir), 0,
                        "The folder could not be read: " + e.getMessage()));
            }
        }

        /** Module and lesson ids must be unique across folders; the first folder to use one keeps it. */
        private void claimIds(FileChecks module, YamlDocument doc, String id, List<String> lessonIds) {
            if (id != null && ID.matcher(id).matches()) {
                String earlier = owners.modules.putIfAbsent(id, module.path);
                if (earlier != null) {
                    module.error(doc.line("id"), "The module id '" + id + "' is already used by " + earlier
                            + "; give this module a different id.");
                }
            }
            for (String lessonId : lessonIds) {
                String lessonPath = relative(contentRoot, folder.resolve("lessons").resolve(lessonId + ".md"));
                String earlier = owners.lessons.putIfAbsent(lessonId, lessonPath);
                if (earlier != null) {
                    module.error(doc.line("lessons"), "The lesson id '" + lessonId + "' is already used by " + earlier
                            + "; lesson ids must be unique across all modules.");
                }
            }
        }

        private static String sha256(List<String> texts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String text : texts) {
                    digest.update(text.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
            }
        }
    }

    /** One lesson file being read, its problems reported against its own path. */
    private static final class LessonFile {

        private final FileChecks lesson;
        private final String expectedId;
        private final Set<String> knownElementCodes;

        LessonFile(FileChecks lesson, String expectedId, Set<String> knownElementCodes) {
            this.lesson = lesson;
            this.expectedId = expectedId;
            this.knownElementCodes = knownElementCodes;
        }

        /** @param texts where the file's text is added, for the module's content hash */
        Optional<LessonDefinition> read(Path file, List<String> texts) {
            int before = lesson.errors.size();
            Optional<String> text = lesson.readText(file);
            text.ifPresent(texts::add);
            Optional<FileChecks.Parsed> parsed = text.flatMap(lesson::parse);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            YamlDocument doc = parsed.get().yaml();
            String id = lesson.text(doc, "id", "The lesson needs an 'id', the same as its file name: '" + expectedId
                    + "'.", ID_MAX);
            if (id != null && !id.equals(expectedId)) {
                lesson.error(doc.line("id"), "The lesson id '" + id + "' must match the file name; change it to '"
                        + expectedId + "'.");
            }
            String title = lesson.text(doc, "title", "The lesson needs a 'title'.", TITLE_MAX);
            Integer minutes = lesson.number(doc, "minutes", "The lesson needs 'minutes', its expected length, such"
                    + " as 8.", 1, 120);
            String reflection = lesson.text(doc, "reflection", null, Integer.MAX_VALUE);
            String setting = setting(doc);
            List<String> elements = elements(doc);
            List<QuestionDefinition> questions = questions(doc);
            FrontMatter frontMatter = parsed.get().frontMatter();
            LessonRules.Split split = LessonRules.split(frontMatter.body());
            if (frontMatter.body().isBlank()) {
                lesson.error(frontMatter.bodyFirstLine() - 1, "The lesson has no reading; write it in Markdown below"
                        + " the closing line of dashes.");
            } else {
                split.problem().ifPresent(problem -> lesson.error(frontMatter.bodyFirstLine() + split.line(), problem));
            }
            int words = LessonRules.words(split.reading());
            if (!frontMatter.body().isBlank() && (words < LessonRules.WORDS_MIN || words > LessonRules.WORDS_MAX)) {
                lesson.warn(frontMatter.bodyFirstLine(), "The reading has " + words + " words before its sources;"
                        + " aim for " + LessonRules.WORDS_MIN + " to " + LessonRules.WORDS_MAX + ".");
            }
            if (minutes != null && (minutes < 4 || minutes > 10)) {
                lesson.warn(doc.line("minutes"), "A lesson should take 4 to 10 minutes, not " + minutes + ".");
            }
            if (lesson.errors.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new LessonDefinition(id, title, minutes,
                    MarkdownRenderer.toSafeHtml(frontMatter.body()), reflection, questions, lesson.path, setting,
                    elements, split.sources(), words));
        }

        private String setting(YamlDocument doc) {
            String setting = lesson.text(doc, "setting", "The lesson needs a 'setting': where its case-study scene is"
                    + " set, one of " + settings() + ".", 40);
            if (setting != null && !LessonRules.SETTINGS.contains(setting)) {
                lesson.error(doc.line("setting"), "The setting '" + setting + "' is not one of " + settings() + ".");
                return null;
            }
            return setting;
        }

        private static String settings() {
            return String.join(", ", new java.util.TreeSet<>(LessonRules.SETTINGS));
        }

        private List<String> elements(YamlDocument doc) {
            List<String> codes = lesson.strings(doc, "elements", 1, "The lesson needs 'elements': the framework"
                    + " element codes it teaches, such as [MLC-D2.1].");
            Set<String> distinct = new LinkedHashSet<>();
            for (String code : codes) {
                if (!knownElementCodes.contains(code)) {
                    lesson.error(doc.line("elements"), "Unknown framework element code '" + code + "'.");
                } else if (!distinct.add(code)) {
                    lesson.error(doc.line("elements"), "The element code '" + code + "' is listed twice.");
                }
            }
            return List.copyOf(distinct);
        }

        private List<QuestionDefinition> questions(YamlDocument doc) {
            List<QuestionDefinition> questions = new ArrayList<>();
            for (YamlDocument item : lesson.items(doc, "check")) {
                String question = lesson.text(item, "question", "Each question under 'check' needs a 'question'.",
                        Integer.MAX_VALUE);
                List<QuestionDefinition.Option> options = options(item);
                Integer answer = answer(item, options);
                String explanation = lesson.text(item, "explanation", "Each question needs an 'explanation' of why"
                        + " the right answer is right.", Integer.MAX_VALUE);
                if (options.size() >= 2 && options.size() != 4) {
                    lesson.warn(item.line("options"), "A question should have four options, not " + options.size()
                            + ".");
                }
                if (question != null && options.size() >= 2 && answer != null && explanation != null) {
                    questions.add(new QuestionDefinition(question, options, answer, explanation));
                }
            }
            return questions;
        }

        /**
         * The options of a question, each either {@code {text, why}} or, in the earlier form, plain text (accepted
         * with a warning that it gives no reason). Every option of one question is written the same way.
         */
        private List<QuestionDefinition.Option> options(YamlDocument item) {
            List<QuestionDefinition.Option> options = new ArrayList<>();
            boolean plain;
            try {
                plain = item.strings("options") != null;
            } catch (YamlDocument.Invalid notText) {
                plain = false;
            }
            if (plain) {
                List<String> texts = lesson.strings(item, "options", 2, "Each question needs at least two 'options'.");
                texts.forEach(text -> options.add(new QuestionDefinition.Option(text, "")));
                if (!texts.isEmpty()) {
                    lesson.warn(item.line("options"), "Write each option as '- text: ...' with a 'why' saying why it"
                            + " is right or not; plain options give the learner no reason.");
                }
                return options;
            }
            List<YamlDocument> items = lesson.items(item, "options");
            if (items.size() < 2) {
                lesson.error(item.line("options"), "Each question needs at least two 'options'.");
            }
            for (YamlDocument option : items) {
                String text = lesson.text(option, "text", "Each option needs its 'text'.", Integer.MAX_VALUE);
                String why = lesson.text(option, "why", "Each option needs a 'why': one or two sentences on why it is"
                        + " right or not right.", Integer.MAX_VALUE);
                if (text != null && why != null) {
                    options.add(new QuestionDefinition.Option(text, why));
                }
            }
            return items.size() == options.size() ? options : List.of();
        }

        private Integer answer(YamlDocument item, List<QuestionDefinition.Option> options) {
            Integer answer = lesson.number(item, "answer", "Each question needs an 'answer': the position of the"
                    + " right option, counting from 0.", Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (answer != null && options.size() >= 2 && (answer < 0 || answer >= options.size())) {
                lesson.error(item.line("answer"), "The answer " + answer + " does not point to an option: options"
                        + " count from 0, so with " + options.size() + " options it must be 0 to "
                        + (options.size() - 1) + ".");
                return null;
            }
            return answer;
        }
    }
}
