package org.leadingtogether.learning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadingtogether.platform.content.ContentError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each test breaks the module in folder {@code broken} one way and checks that the administrator is told the
 * file, the line and what is wrong, that the broken module is left out and that its good sibling {@code steady}
 * is still read. The files come from {@code src/test/resources/content-fixtures}.
 */
class ModuleReaderTest {

    private static final Set<String> KNOWN = Set.of("TQF-1.1", "TQF-1.2", "TQF-2.1");
    private static final String BROKEN = "modules/broken/module.md";
    private static final String BROKEN_FIRST = "modules/broken/lessons/broken-first.md";

    @TempDir
    Path root;

    private Path modules;

    @BeforeEach
    void writeTwoGoodModules() {
        modules = root.resolve("modules");
        writeModule(modules, "broken", "broken", "broken");
        writeModule(modules, "steady", "steady", "steady");
    }

    @Test
    void aGoodModuleIsReadInFull() {
        ModuleReader.Result result = read();

        assertEquals(List.of(), result.errors());
        ModuleDefinition steady = result.modules().get(1);
        assertEquals("steady", steady.key());
        assertEquals("Leading a small change", steady.title());
        assertEquals("How to lead a small change well, step by step.", steady.summary());
        assertEquals(15, steady.minutes());
        assertEquals(1, steady.version());
        assertEquals(List.of("TQF-1.1", "TQF-2.1"), steady.elementCodes());
        assertEquals("<p>This module helps you lead a <strong>small</strong> change.</p>", steady.introHtml());
        assertEquals("modules/steady/module.md", steady.path());
        assertTrue(steady.contentHash().matches("[0-9a-f]{64}"), steady.contentHash());

        assertEquals(List.of("steady-first", "steady-second"), steady.lessons().stream().map(LessonDefinition::key).toList());
        LessonDefinition first = steady.lessons().get(0);
        assertEquals("A lesson about change", first.title());
        assertEquals(7, first.minutes());
        assertEquals("When did you last lead a change?", first.reflectionPrompt());
        assertEquals("modules/steady/lessons/steady-first.md", first.path());
        assertTrue(first.readingHtml().startsWith("<h2>Why it matters</h2>"), first.readingHtml());
        assertTrue(first.readingHtml().contains("<em>listen</em>"), first.readingHtml());
        assertTrue(first.readingHtml().contains("<li>Go to the work</li>"), first.readingHtml());
        assertEquals(List.of(QuestionDefinition.withoutReasons("What matters most?", List.of("Speed", "Listening"), 1,
                "Listening tells you what is really happening.")), first.questions());
    }

    @Test
    void reflectionAndCheckAreOptional() {
        edit("broken/lessons/broken-first.md", "reflection: >-\n  When did you last lead a change?\n", "");
        edit("broken/lessons/broken-first.md", """
                check:
                  - question: What matters most?
                    options:
                      - Speed
                      - Listening
                    answer: 1
                    explanation: Listening tells you what is really happening.
                """, "");

        ModuleReader.Result result = read();

        assertEquals(List.of(), result.errors());
        LessonDefinition lesson = result.modules().get(0).lessons().get(0);
        assertNull(lesson.reflectionPrompt());
        assertEquals(List.of(), lesson.questions());
    }

    @Test
    void theContentHashChangesWhenAnyFileOfTheModuleChanges() {
        String before = read().modules().get(1).contentHash();
        assertEquals(before, read().modules().get(1).contentHash(), "reading twice gives the same hash");

        edit("steady/lessons/steady-second.md", "Ask what gets in the way", "Ask what is getting in the way");
        String afterLessonEdit = read().modules().get(1).contentHash();
        assertNotEquals(before, afterLessonEdit);

        edit("steady/module.md", "**small**", "*small*");
        assertNotEquals(afterLessonEdit, read().modules().get(1).contentHash());
    }

    @Test
    void aFolderWithoutModuleMd() throws IOException {
        Files.delete(modules.resolve("broken/module.md"));
        assertOnlyError(read(), BROKEN, 0, "has no module.md file");
    }

    @Test
    void aModuleWithoutFrontMatter() {
        edit("broken/module.md", "---\nid: broken", "id: broken");
        assertOnlyError(read(), BROKEN, 1, "must start with front matter");
    }

    @Test
    void frontMatterThatIsNeverClosed() {
        edit("broken/module.md", "---\nThis module", "This module");
        assertOnlyError(read(), BROKEN, 1, "between two lines of three dashes");
    }

    @Test
    void malformedFrontMatterIsReportedAtItsLine() {
        edit("broken/module.md", "title: Leading a small change", "title: Leading: a small change");
        assertOnlyError(read(), BROKEN, 3, "put the whole value in quotes");
    }

    @Test
    void aKeyGivenTwice() {
        edit("broken/module.md", "minutes: 15\n", "minutes: 15\nminutes: 20\n");
        assertOnlyError(read(), BROKEN, 6, "'minutes' appears more than once");
    }

    @Test
    void aMissingId() {
        edit("broken/module.md", "id: broken\n", "");
        assertOnlyError(read(), BROKEN, 2, "needs an 'id'");
    }

    @Test
    void anIdWithCapitalsOrUnderscores() {
        edit("broken/module.md", "id: broken", "id: Broken_Module");
        assertOnlyError(read(), BROKEN, 2, "only lowercase letters, digits and hyphens");
    }

    @Test
    void anIdOverOneHundredCharacters() {
        edit("broken/module.md", "id: broken", "id: " + "b".repeat(101));
        assertOnlyError(read(), BROKEN, 2, "101 characters long; keep it to 100 or fewer");
    }

    @Test
    void anEmptyTitle() {
        edit("broken/module.md", "title: Leading a small change", "title:");
        assertOnlyError(read(), BROKEN, 3, "needs a 'title'");
    }

    @Test
    void aTitleOverTwoHundredCharacters() {
        edit("broken/module.md", "title: Leading a small change", "title: " + "t".repeat(201));
        assertOnlyError(read(), BROKEN, 3, "'title' is 201 characters long");
    }

    @Test
    void aMissingSummary() {
        edit("broken/module.md", "summary: How to lead a small change well, step by step.\n", "");
        assertOnlyError(read(), BROKEN, 2, "needs a 'summary'");
    }

    @Test
    void aSummaryOverFiveHundredCharacters() {
        edit("broken/module.md", "summary: How", "summary: " + "s".repeat(500) + " How");
        assertOnlyError(read(), BROKEN, 4, "keep it to 500 or fewer");
    }

    @Test
    void minutesThatAreNotANumber() {
        edit("broken/module.md", "minutes: 15", "minutes: ten");
        assertOnlyError(read(), BROKEN, 5, "'minutes' must be a whole number, such as 10, not 'ten'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 601})
    void minutesOutOfRange(int minutes) {
        edit("broken/module.md", "minutes: 15", "minutes: " + minutes);
        assertOnlyError(read(), BROKEN, 5, "'minutes' must be between 1 and 600, not " + minutes);
    }

    @Test
    void aVersionBelowOne() {
        edit("broken/module.md", "version: 1", "version: 0");
        assertOnlyError(read(), BROKEN, 6, "'version' must be 1 or more, not 0");
    }

    @Test
    void aMissingVersion() {
        edit("broken/module.md", "version: 1\n", "");
        assertOnlyError(read(), BROKEN, 2, "needs a 'version'");
    }

    @Test
    void noElements() {
        edit("broken/module.md", "elements: [TQF-1.1, TQF-2.1]", "elements: []");
        assertOnlyError(read(), BROKEN, 7, "at least one framework element code");
    }

    @Test
    void elementsThatAreNotAList() {
        edit("broken/module.md", "elements: [TQF-1.1, TQF-2.1]", "elements: TQF-1.1");
        assertOnlyError(read(), BROKEN, 7, "'elements' must be a list");
    }

    @Test
    void anUnknownElementCode() {
        edit("broken/module.md", "TQF-2.1", "TQF-9.9");
        ModuleReader.Result result = read();
        assertOnlyError(result, BROKEN, 7, "Unknown framework element code");
        assertEquals("Unknown framework element code 'TQF-9.9'.", result.errors().get(0).message());
    }

    @Test
    void anElementListedTwice() {
        edit("broken/module.md", "TQF-2.1", "TQF-1.1");
        assertOnlyError(read(), BROKEN, 7, "'TQF-1.1' is listed twice");
    }

    @Test
    void noLessons() throws IOException {
        edit("broken/module.md", "lessons: [broken-first, broken-second]", "lessons: []");
        deleteLessonFiles("broken");
        assertOnlyError(read(), BROKEN, 8, "at least one lesson id");
    }

    @Test
    void aListedLessonWithoutAFile() throws IOException {
        Files.delete(modules.resolve("broken/lessons/broken-second.md"));
        assertOnlyError(read(), BROKEN, 8, "The lesson 'broken-second' is listed, but there is no file"
                + " lessons/broken-second.md");
    }

    @Test
    void aLessonIdThatCouldLeaveTheLessonsFolder() {
        edit("broken/module.md", "broken-second]", "broken-second, ../../steady/module]");
        assertOnlyError(read(), BROKEN, 8, "'../../steady/module' may contain only lowercase letters");
    }

    @Test
    void aLessonFileThatIsNotListed() {
        write(modules.resolve("broken/lessons/broken-extra.md"), fixture("lesson.md").replace("LESSON_ID", "broken-extra"));
        assertOnlyError(read(), "modules/broken/lessons/broken-extra.md", 0,
                "not listed under 'lessons' in modules/broken/module.md");
    }

    @Test
    void aLessonListedTwice() {
        edit("broken/module.md", "broken-second]", "broken-second, broken-first]");
        assertOnlyError(read(), BROKEN, 8, "The lesson 'broken-first' is listed twice");
    }

    @Test
    void aLessonWhoseIdIsNotItsFileName() {
        edit("broken/lessons/broken-first.md", "id: broken-first", "id: broken-other");
        assertOnlyError(read(), BROKEN_FIRST, 2, "must match the file name; change it to 'broken-first'");
    }

    @Test
    void aLessonWithoutFrontMatter() {
        edit("broken/lessons/broken-first.md", "---\nid:", "id:");
        assertOnlyError(read(), BROKEN_FIRST, 1, "must start with front matter");
    }

    @Test
    void malformedLessonFrontMatterIsReportedAtItsFileLine() {
        edit("broken/lessons/broken-first.md", "    answer: 1", "   answer: 1");
        ModuleReader.Result result = read();
        assertOnlyError(result, BROKEN_FIRST, 12, "The YAML is malformed");
    }

    @Test
    void aLessonWithoutTitle() {
        edit("broken/lessons/broken-first.md", "title: A lesson about change\n", "");
        assertOnlyError(read(), BROKEN_FIRST, 2, "The lesson needs a 'title'");
    }

    @Test
    void aLessonOverTwoHours() {
        edit("broken/lessons/broken-first.md", "minutes: 7", "minutes: 121");
        assertOnlyError(read(), BROKEN_FIRST, 4, "'minutes' must be between 1 and 120, not 121");
    }

    @Test
    void aReflectionThatIsAList() {
        edit("broken/lessons/broken-first.md", "reflection: >-\n  When did you last lead a change?",
                "reflection:\n  - When did you last lead a change?");
        assertOnlyError(read(), BROKEN_FIRST, 5, "'reflection' must be a single piece of text, not a list");
    }

    @Test
    void aCheckThatIsNotAListOfQuestions() {
        edit("broken/lessons/broken-first.md", "  - question: What matters most?", "  - What matters most?\n  - question: x");
        assertOnlyError(read(), BROKEN_FIRST, 8, "Each item under 'check' must be a set of keys and values");
    }

    @Test
    void aQuestionWithoutItsQuestion() {
        edit("broken/lessons/broken-first.md", "question: What matters most?", "question:");
        assertOnlyError(read(), BROKEN_FIRST, 8, "needs a 'question'");
    }

    @Test
    void aQuestionWithOneOption() {
        edit("broken/lessons/broken-first.md", "      - Speed\n", "");
        assertOnlyError(read(), BROKEN_FIRST, 9, "at least two 'options'");
    }

    @Test
    void anAnswerBeyondTheOptions() {
        edit("broken/lessons/broken-first.md", "answer: 1", "answer: 2");
        assertOnlyError(read(), BROKEN_FIRST, 12, "The answer 2 does not point to an option");
    }

    @Test
    void anAnswerThatIsNotANumber() {
        edit("broken/lessons/broken-first.md", "answer: 1", "answer: Listening");
        assertOnlyError(read(), BROKEN_FIRST, 12, "'answer' must be a whole number");
    }

    @Test
    void aMissingAnswer() {
        edit("broken/lessons/broken-first.md", "    answer: 1\n", "");
        assertOnlyError(read(), BROKEN_FIRST, 8, "needs an 'answer'");
    }

    @Test
    void aQuestionWithoutExplanation() {
        edit("broken/lessons/broken-first.md", "explanation: Listening tells you what is really happening.",
                "explanation:");
        assertOnlyError(read(), BROKEN_FIRST, 13, "needs an 'explanation'");
    }

    @Test
    void aLessonWithNoReading() {
        String lesson = read(modules.resolve("broken/lessons/broken-first.md"));
        write(modules.resolve("broken/lessons/broken-first.md"), lesson.substring(0, lesson.indexOf("## Why")) + "\n  \n");
        assertOnlyError(read(), BROKEN_FIRST, 16, "The lesson has no reading");
    }

    @Test
    void aLessonThatIsNotUtf8() throws IOException {
        Files.write(modules.resolve("broken/lessons/broken-first.md"),
                new byte[] {'-', '-', '-', '\n', 'i', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertOnlyError(read(), BROKEN_FIRST, 0, "not valid UTF-8");
    }

    @Test
    void everyProblemOfAModuleIsListed() {
        edit("broken/module.md", "version: 1", "version: none");
        edit("broken/lessons/broken-second.md", "minutes: 7", "minutes: 0");
        ModuleReader.Result result = read();
        assertEquals(List.of(
                new ContentError(BROKEN, 6, "'version' must be a whole number, such as 10, not 'none'."),
                new ContentError("modules/broken/lessons/broken-second.md", 4, "'minutes' must be between 1 and 120, not 0.")),
                result.errors());
        assertEquals(List.of("steady"), keys(result));
    }

    @Test
    void aModuleIdUsedByAnEarlierFolder() {
        writeModule(modules, "zz-later", "steady", "later");
        ModuleReader.Result result = read();
        assertEquals(List.of(new ContentError("modules/zz-later/module.md", 2,
                "The module id 'steady' is already used by modules/steady/module.md; give this module a different id.")),
                result.errors());
        assertEquals(List.of("broken", "steady"), keys(result));
    }

    @Test
    void aLessonIdUsedByAnEarlierModule() {
        writeModule(modules, "zz-later", "zz-later", "steady");
        ModuleReader.Result result = read();
        assertEquals(2, result.errors().size(), result.errors().toString());
        ContentError first = result.errors().get(0);
        assertEquals("modules/zz-later/module.md", first.path());
        assertEquals(8, first.line());
        assertTrue(first.message().contains("'steady-first' is already used by modules/steady/lessons/steady-first.md"),
                first.message());
        assertEquals(List.of("broken", "steady"), keys(result));
    }

    @Test
    void aMissingModulesFolder() {
        ModuleReader.Result result = ModuleReader.read(root.resolve("elsewhere"), root, KNOWN);
        assertEquals(List.of(new ContentError("elsewhere", 0, "The content folder 'elsewhere' does not exist.")),
                result.errors());
        assertEquals(List.of(), result.modules());
    }

    private ModuleReader.Result read() {
        return ModuleReader.read(modules, root, KNOWN);
    }

    private static void assertOnlyError(ModuleReader.Result result, String path, int line, String fragment) {
        assertEquals(1, result.errors().size(), result.errors().toString());
        ContentError error = result.errors().get(0);
        assertEquals(path, error.path(), error.toString());
        assertEquals(line, error.line(), error.toString());
        assertTrue(error.message().contains(fragment), error.message());
        assertEquals(List.of("steady"), keys(result), "the broken module is left out and its sibling kept");
    }

    private static List<String> keys(ModuleReader.Result result) {
        return result.modules().stream().map(ModuleDefinition::key).toList();
    }

    private void edit(String file, String from, String to) {
        Path path = modules.resolve(file);
        String text = read(path);
        assertTrue(text.contains(from), "the fixture " + file + " contains: " + from);
        write(path, text.replace(from, to));
    }

    private void deleteLessonFiles(String folder) throws IOException {
        Files.delete(modules.resolve(folder + "/lessons/" + folder + "-first.md"));
        Files.delete(modules.resolve(folder + "/lessons/" + folder + "-second.md"));
    }

    /** Writes the fixture module into {@code folder} with the given id, its two lessons named after {@code lessonPrefix}. */
    static void writeModule(Path modules, String folder, String id, String lessonPrefix) {
        String module = fixture("module.md")
                .replace("lessons: [MODULE_ID-first, MODULE_ID-second]",
                        "lessons: [" + lessonPrefix + "-first, " + lessonPrefix + "-second]")
                .replace("MODULE_ID", id);
        write(modules.resolve(folder).resolve("module.md"), module);
        for (String lesson : List.of(lessonPrefix + "-first", lessonPrefix + "-second")) {
            write(modules.resolve(folder).resolve("lessons").resolve(lesson + ".md"),
                    fixture("lesson.md").replace("LESSON_ID", lesson));
        }
    }

    static String fixture(String name) {
        try (InputStream in = ModuleReaderTest.class.getResourceAsStream("/content-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
