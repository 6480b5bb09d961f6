package org.leadingtogether.learning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.platform.content.ContentError;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lesson format of the second edition of the content: a setting, the elements taught, options with a reason
 * each and a "Sources" section ending the reading. Each test writes one module with one lesson and reads it.
 */
class LessonFormatTest {

    private static final Set<String> KNOWN = Set.of("TQF-1.1", "TQF-2.1");
    private static final String LESSON = "modules/m/lessons/m-one.md";

    @TempDir
    Path root;

    static final String GOOD = """
            ---
            id: m-one
            title: Handing over well
            minutes: 6
            setting: home care
            elements: [TQF-1.1, TQF-2.1]
            reflection: >-
              When did a handover last go wrong for you?
            check:
              - question: "You arrive at a visit and the notes are missing. What would you do first?"
                options:
                  - text: Phone the office to find out what happened
                    why: The office may know, but the person in front of you comes first.
                  - text: Ask the person how they are and what they need
                    why: Right. Their needs come first; the notes can be chased after.
                  - text: Leave and come back once the notes are found
                    why: Leaving without checking on the person could put them at risk.
                  - text: Write new notes from what you remember
                    why: Notes from memory may be wrong and could mislead the next carer.
                answer: 1
                explanation: Start with the person, then put the record right.
            ---
            ## A handover

            READING

            ## Sources

            - Skills for Care, *Example guide*, 2024.
            - Care Quality Commission, *Another document*,
              2023.
            """;

    @Test
    void aLessonInTheNewFormatIsReadWithItsSettingElementsReasonsAndSources() {
        ModuleReader.Result result = read(GOOD);

        assertEquals(List.of(), result.errors());
        LessonDefinition lesson = result.modules().get(0).lessons().get(0);
        assertEquals("home care", lesson.setting());
        assertEquals(List.of("TQF-1.1", "TQF-2.1"), lesson.elementCodes());
        assertEquals(List.of("Skills for Care, *Example guide*, 2024.", "Care Quality Commission, *Another document*, 2023."),
                lesson.sources());
        QuestionDefinition question = lesson.questions().get(0);
        assertEquals(4, question.options().size());
        assertEquals("Ask the person how they are and what they need", question.options().get(1).text());
        assertTrue(question.options().get(1).why().startsWith("Right."));
        assertTrue(lesson.readingHtml().contains("<h2>Sources</h2>"), "the sources are shown with the reading");
        assertTrue(lesson.readingHtml().contains("<em>Example guide</em>"), lesson.readingHtml());
        assertEquals(402, lesson.words(), "the words before the sources are counted");
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aLessonWithoutSourcesIsKeptBack() {
        ModuleReader.Result result = read(GOOD.substring(0, GOOD.indexOf("## Sources")));
        assertOnlyError(result, "needs a '## Sources' section at the end of the reading");
    }

    @Test
    void sourcesThatAreNotTheLastSectionAreKeptBack() {
        ModuleReader.Result result = read(GOOD + "\n## Afterwards\n\nMore text.\n");
        assertOnlyError(result, "'Sources' must be the last section");
    }

    @Test
    void aSourcesSectionWithNoSourceIsKeptBack() {
        ModuleReader.Result result = read(GOOD.substring(0, GOOD.indexOf("- Skills")));
        assertOnlyError(result, "lists no source");
    }

    @Test
    void anOptionWithoutItsReasonIsKeptBack() {
        ModuleReader.Result result = read(GOOD.replace(
                "        why: Leaving without checking on the person could put them at risk.\n", ""));
        assertOnlyError(result, "Each option needs a 'why'");
        assertEquals(16, result.errors().get(0).line(), "reported at the option");
    }

    @Test
    void aMissingSettingIsKeptBack() {
        ModuleReader.Result result = read(GOOD.replace("setting: home care\n", ""));
        assertOnlyError(result, "The lesson needs a 'setting'");
    }

    @Test
    void aSettingThatIsNotOneOfTheListIsKeptBack() {
        ModuleReader.Result result = read(GOOD.replace("setting: home care", "setting: hospital ward"));
        assertOnlyError(result, "The setting 'hospital ward' is not one of");
        assertEquals(5, result.errors().get(0).line());
    }

    @Test
    void aLessonMustNameTheElementsItTeaches() {
        assertOnlyError(read(GOOD.replace("elements: [TQF-1.1, TQF-2.1]\n", "")), "The lesson needs 'elements'");
        assertOnlyError(read(GOOD.replace("TQF-2.1]", "TQF-9.9]")), "Unknown framework element code 'TQF-9.9'");
    }

    @Test
    void optionsWithoutReasonsInTheEarlierFormAreReadWithAWarning() {
        String earlier = GOOD.substring(0, GOOD.indexOf("    options:")) + """
                    options:
                      - Phone the office
                      - Ask the person
                    answer: 1
                    explanation: Start with the person.
                ---
                """ + GOOD.substring(GOOD.indexOf("## A handover"));

        ModuleReader.Result result = read(earlier);

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("Phone the office", "Ask the person"),
                result.modules().get(0).lessons().get(0).questions().get(0).optionTexts());
        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).message().contains("a 'why' saying why it is right or not"));
        assertTrue(result.warnings().get(1).message().contains("should have four options, not 2"));
    }

    @Test
    void aShortReadingAndMinutesThatDoNotAddUpAreWarnedAbout() {
        ModuleReader.Result result = read(GOOD.replace("READING", "Too short."), "minutes: 20");

        assertEquals(List.of(), result.errors());
        List<String> warnings = result.warnings().stream().map(ContentError::message).toList();
        assertTrue(warnings.contains("The reading has 4 words before its sources; aim for 350 to 700."), warnings.toString());
        assertTrue(warnings.contains("The module's minutes (20) should be the sum of its lessons' minutes (6)."),
                warnings.toString());
    }

    @Test
    void wordsAreCountedWithoutMarkup() {
        assertEquals(7, LessonRules.words("## Why it *matters*\n\n- Don't rush: it's well-meant."));
    }

    private ModuleReader.Result read(String lesson) {
        return read(lesson, "minutes: 6");
    }

    private ModuleReader.Result read(String lesson, String minutes) {
        return read(lesson, minutes, "elements: [TQF-1.1, TQF-2.1]");
    }

    private ModuleReader.Result read(String lesson, String minutes, String elements) {
        Path modules = root.resolve("modules");
        ModuleReaderTest.write(modules.resolve("m/module.md"), """
                ---
                id: m
                title: A module
                summary: One sentence.
                MINUTES
                version: 1
                ELEMENTS
                lessons: [m-one]
                ---
                An introduction.
                """.replace("MINUTES", minutes).replace("ELEMENTS", elements));
        ModuleReaderTest.write(modules.resolve("m/lessons/m-one.md"), lesson.replace("READING", "word ".repeat(400)));
        return ModuleReader.read(modules, root, KNOWN);
    }

    private static void assertOnlyError(ModuleReader.Result result, String fragment) {
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertEquals(LESSON, result.errors().get(0).path());
        assertTrue(result.errors().get(0).message().contains(fragment), result.errors().get(0).message());
        assertEquals(List.of(), result.modules(), "the module is kept back");
    }
}
