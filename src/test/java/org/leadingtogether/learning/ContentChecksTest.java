package org.leadingtogether.learning;

import org.junit.jupiter.api.Test;
import org.leadingtogether.framework.DimensionDefinition;
import org.leadingtogether.framework.ElementDefinition;
import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.framework.ScalePointDefinition;
import org.leadingtogether.platform.content.ContentError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks across the whole library: coverage of the active framework, settings, answers given away by length. */
class ContentChecksTest {

    private static final FrameworkDefinition ACTIVE = framework("new", true, "N-1.1", "N-1.2", "N-1.3");
    private static final FrameworkDefinition EARLIER = framework("old", false, "O-1.1");

    @Test
    void anElementOfTheActiveFrameworkThatNoLessonTeachesIsWarnedAbout() {
        ModuleDefinition module = module("m", lesson("a", "care home", List.of("N-1.1"), balanced()),
                lesson("b", "housing", List.of("N-1.2", "O-1.1"), balanced()));

        List<ContentError> warnings = ContentChecks.warnings(snapshot(module));

        assertEquals(List.of(new ContentError("frameworks/new.yaml", 0,
                "No lesson teaches N-1.3 Element N-1.3; tag a lesson that does with it, or write one.")), warnings);
        Map<ElementDefinition, List<String>> coverage = ContentChecks.coverage(ACTIVE, List.of(module));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of()), List.copyOf(coverage.values()));
    }

    @Test
    void onlyTheActiveFrameworkIsChecked() {
        ModuleDefinition module = module("m", lesson("a", "care home", List.of("N-1.1", "N-1.2", "N-1.3"), balanced()));
        assertEquals(List.of(), ContentChecks.warnings(snapshot(module)), "O-1.1 of the earlier edition is not asked for");
    }

    @Test
    void aLessonNamingNoElementOfTheActiveFrameworkIsWarnedAbout() {
        ModuleDefinition module = module("m", lesson("a", "care home", List.of("N-1.1", "N-1.2", "N-1.3"), balanced()),
                lesson("b", "housing", List.of("O-1.1"), balanced()));
        assertEquals(List.of("The lesson names no element of the active framework (new); add the ones it teaches."),
                messages(ContentChecks.warnings(snapshot(module))));
    }

    @Test
    void aSettingInMoreThanAQuarterOfTheLessonsIsWarnedAbout() {
        List<LessonDefinition> lessons = new ArrayList<>();
        String[] settings = {"hospital", "hospital", "care home", "housing", "pharmacy", "hospital", "ambulance", "mental health"};
        for (int i = 0; i < settings.length; i++) {
            lessons.add(lesson("l" + i, settings[i], List.of("N-1.1", "N-1.2", "N-1.3"), balanced()));
        }
        ModuleDefinition module = module("m", lessons.toArray(LessonDefinition[]::new));

        assertEquals(List.of("More than a quarter of the lessons are set in 'hospital' (3 of 8 lessons); set some of"
                + " them somewhere else."), messages(ContentChecks.warnings(snapshot(module))));
        assertEquals(List.of("hospital", "ambulance", "care home", "housing", "mental health", "pharmacy"),
                List.copyOf(ContentChecks.settingCounts(List.of(module)).keySet()));
    }

    @Test
    void exactlyAQuarterIsAllowed() {
        List<LessonDefinition> lessons = new ArrayList<>();
        String[] settings = {"hospital", "hospital", "care home", "housing", "pharmacy", "ambulance", "mental health", "primary care"};
        for (int i = 0; i < settings.length; i++) {
            lessons.add(lesson("l" + i, settings[i], List.of("N-1.1", "N-1.2", "N-1.3"), balanced()));
        }
        assertEquals(List.of(), ContentChecks.warnings(snapshot(module("m", lessons.toArray(LessonDefinition[]::new)))));
    }

    @Test
    void rightAnswersThatAreTheLongestInMoreThanAThirdOfAModulesQuestionsAreWarnedAbout() {
        ModuleDefinition module = module("m",
                lesson("a", "care home", List.of("N-1.1", "N-1.2", "N-1.3"), longest(), longest()),
                lesson("b", "housing", List.of("N-1.1"), balanced(), longest()));

        assertEquals(List.of(new ContentError("modules/m/module.md", 0, "In 3 of 4 questions the right answer is the"
                + " longest option, more than a third; a learner can guess by length. Make the options similar in"
                + " length.")), ContentChecks.warnings(snapshot(module)));
        assertEquals(0.75, ContentChecks.longestAnswerShare(module).orElseThrow());
    }

    @Test
    void oneInThreeIsAllowed() {
        ModuleDefinition module = module("m",
                lesson("a", "care home", List.of("N-1.1", "N-1.2", "N-1.3"), longest(), balanced(), balanced()));
        assertEquals(List.of(), ContentChecks.warnings(snapshot(module)));
    }

    @Test
    void aModuleShouldListTheActiveFrameworksElementsItsLessonsTeach() {
        ModuleDefinition module = new ModuleDefinition("m", "Module m", "Summary", 6, 1, List.of("N-1.1"), "<p>Intro</p>",
                List.of(lesson("a", "care home", List.of("N-1.1", "N-1.2", "N-1.3", "O-1.1"), balanced())),
                "modules/m/module.md", "0".repeat(64));
        assertEquals(List.of(new ContentError("modules/m/module.md", 0, "The module's 'elements' should include every"
                + " element of the active framework its lessons teach; add N-1.2, N-1.3.")),
                ContentChecks.warnings(snapshot(module)), "O-1.1, of the earlier edition, is the module's own choice");
    }

    @Test
    void anAnswerTiedForLongestIsNotCountedAsGivingItselfAway() {
        QuestionDefinition tied = QuestionDefinition.withoutReasons("Q?", List.of("four", "five", "six"), 0, "");
        assertTrue(!tied.answerIsLongest());
        assertTrue(longest().answerIsLongest());
    }

    private static QuestionDefinition balanced() {
        return QuestionDefinition.withoutReasons("Q?", List.of("Option one", "Option two", "Option six", "Option ten"), 2, "");
    }

    private static QuestionDefinition longest() {
        return QuestionDefinition.withoutReasons("Q?", List.of("Short", "The much longer right answer", "Brief", "Terse"), 1, "");
    }

    private static List<String> messages(List<ContentError> errors) {
        return errors.stream().map(ContentError::message).toList();
    }

    private static ContentSnapshot snapshot(ModuleDefinition... modules) {
        return new ContentSnapshot(List.of(ACTIVE, EARLIER), List.of(modules), List.of());
    }

    static LessonDefinition lesson(String key, String setting, List<String> elements, QuestionDefinition... questions) {
        return new LessonDefinition(key, "Lesson " + key, 6, "<p>Reading</p>", null, List.of(questions),
                "modules/m/lessons/" + key + ".md", setting, elements, List.of("A source, 2024."), 400);
    }

    static ModuleDefinition module(String key, LessonDefinition... lessons) {
        return new ModuleDefinition(key, "Module " + key, "Summary", 6 * lessons.length, 1,
                java.util.Arrays.stream(lessons).flatMap(l -> l.elementCodes().stream()).filter(c -> c.startsWith("N-"))
                        .distinct().toList().isEmpty() ? List.of("N-1.1")
                        : java.util.Arrays.stream(lessons).flatMap(l -> l.elementCodes().stream()).filter(c -> c.startsWith("N-"))
                        .distinct().toList(),
                "<p>Intro</p>", List.of(lessons), "modules/" + key + "/module.md", "0".repeat(64));
    }

    static FrameworkDefinition framework(String code, boolean active, String... elements) {
        List<ElementDefinition> defined = java.util.Arrays.stream(elements)
                .map(e -> new ElementDefinition(e, "Element " + e, "")).toList();
        return new FrameworkDefinition(code, "1", "Framework " + code, code, "", active,
                List.of(new ScalePointDefinition(1, "One", ""), new ScalePointDefinition(2, "Two", "")),
                List.of(new DimensionDefinition(code + "-1", "Dimension", "core", "", defined)), "frameworks/" + code + ".yaml");
    }
}
