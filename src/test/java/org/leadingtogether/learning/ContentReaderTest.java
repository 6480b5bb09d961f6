package org.leadingtogether.learning;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.framework.DimensionDefinition;
import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.platform.content.ContentError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content shipped with the portal must always read cleanly: a broken file would never reach learners. */
class ContentReaderTest {

    private static ContentSnapshot shipped;

    @BeforeAll
    static void readShippedContent() {
        shipped = ContentReader.read(Path.of("content"));
    }

    @Test
    void theShippedContentReadsWithoutErrors() {
        assertEquals(List.of(), shipped.errors());
    }

    @Test
    void bothFrameworksAreReadAndOnlyThe2026EditionIsActive() {
        assertEquals(List.of("mlc", "lqf"), shipped.frameworks().stream().map(FrameworkDefinition::code).toList());
        assertEquals(List.of("mlc"),
                shipped.frameworks().stream().filter(FrameworkDefinition::active).map(FrameworkDefinition::code).toList());
    }

    @Test
    void the2026EditionHasSixPrinciplesAndFiveDimensionsAndACrosswalkFromEvery2012Element() {
        FrameworkDefinition mlc = framework("mlc");
        assertEquals("2026", mlc.version());
        assertEquals(List.of("Be accountable", "Be collaborative", "Be compassionate", "Be curious", "Be inclusive",
                        "Show integrity", "Creating the vision", "Setting direction", "Managing services",
                        "Improving services", "Delivering the strategy"),
                mlc.dimensions().stream().map(DimensionDefinition::name).toList(), "names as published");
        mlc.dimensions().stream().filter(d -> d.tier().equals("principle")).forEach(principle -> {
            assertTrue(principle.elements().size() > 1, principle.code() + " is not presented as its own single element");
            principle.elements().forEach(e -> assertTrue(!e.name().equals(principle.name()), e.code()));
        });
        for (String code : List.of("MLC-D1.1", "MLC-D1.2", "MLC-D1.3", "MLC-D2.1", "MLC-D2.2", "MLC-D2.3", "MLC-D3.1",
                "MLC-D3.2", "MLC-D3.3", "MLC-D4.1", "MLC-D4.2", "MLC-D4.3", "MLC-D5.1", "MLC-D5.2", "MLC-D5.3")) {
            assertTrue(mlc.elementCodes().contains(code), code + " keeps its code");
        }
        assertTrue(mlc.notice().contains("portal's own"), "says which wording is the portal's own");
        assertEquals("lqf", mlc.replaces().code());
        assertEquals("2012", mlc.replaces().version());
        assertEquals(framework("lqf").elementCodes(), mlc.replaces().crosswalk().keySet(), "every 2012 element carries over");
    }

    /**
     * The 360: raters and the learner rate each element of the active edition against two to four behaviour statements,
     * written as what someone working with the learner could see them do, short enough to read on a phone, and said to
     * be the portal's own wording.
     */
    @Test
    void everyElementOfThe2026EditionHasBehaviourStatementsForThe360() {
        FrameworkDefinition mlc = framework("mlc");
        mlc.dimensions().forEach(d -> d.elements().forEach(e -> {
            assertTrue(e.behaviours().size() >= 2 && e.behaviours().size() <= 4, e.code() + " has 2 to 4 behaviours: " + e.behaviours());
            e.behaviours().forEach(b -> {
                assertTrue(b.length() <= 140, e.code() + " behaviour short enough for a phone: " + b);
                assertTrue(b.endsWith("."), e.code() + " behaviour is a sentence: " + b);
                assertTrue(!b.startsWith("I ") && !b.contains(" you "), e.code() + " behaviour is what others can see, not first or second person: " + b);
            });
        }));
        assertEquals(27 * 2, mlc.dimensions().stream().mapToLong(d -> d.elements().stream().mapToLong(e -> Math.min(2, e.behaviours().size())).sum()).sum());
        assertTrue(mlc.notice().contains("behaviour statements"), "the notice says the behaviour statements are the portal's own: " + mlc.notice());
    }

    @Test
    void everyElementOfTheActiveFrameworkIsTaughtAndNoSettingDominates() {
        ContentChecks.coverage(framework("mlc"), shipped.modules())
                .forEach((element, lessons) -> assertFalse(lessons.isEmpty(), element.code() + " is taught by no lesson"));
        int lessons = shipped.modules().stream().mapToInt(m -> m.lessons().size()).sum();
        ContentChecks.settingCounts(shipped.modules())
                .forEach((setting, count) -> assertTrue(count <= lessons / 4.0, setting + " is in " + count + " of " + lessons));
    }

    @Test
    void everyShippedLessonHasSourcesASettingAndBalancedQuestionsWithReasons() {
        for (ModuleDefinition module : shipped.modules()) {
            assertTrue(ContentChecks.longestAnswerShare(module).orElse(0.0) <= 1.0 / 3, module.key()
                    + ": the right answer is the longest option in too many questions");
            for (LessonDefinition lesson : module.lessons()) {
                assertAll(lesson.key(),
                        () -> assertFalse(lesson.sources().isEmpty(), "sources"),
                        () -> assertTrue(lesson.readingHtml().contains("<h2>Sources</h2>"), "sources shown"),
                        () -> assertTrue(LessonRules.SETTINGS.contains(lesson.setting()), "setting"),
                        () -> assertTrue(lesson.questions().size() >= 2, "at least two questions"),
                        () -> lesson.questions().forEach(q -> assertEquals(4, q.options().size(), q.question())),
                        () -> lesson.questions().forEach(q -> q.options().forEach(o -> assertTrue(o.hasWhy(), o.text()))));
            }
        }
    }

    @Test
    void theShippedContentGivesNoWarnings() {
        assertEquals(List.of(), shipped.warnings());
    }

    @Test
    void theQualitiesFrameworkHasSevenDimensionsOfFourElementsInTwoTiers() {
        FrameworkDefinition lqf = framework("lqf");
        assertEquals("2012", lqf.version());
        assertEquals("frameworks/skills-for-care-lqf.yaml", lqf.path());
        assertEquals(7, lqf.dimensions().size());
        assertEquals(28, lqf.elementCodes().size());
        assertTrue(lqf.elementCodes().contains("LQF-7.4"));
        List<String> tiers = lqf.dimensions().stream().map(DimensionDefinition::tier).toList();
        assertEquals(List.of("core", "core", "core", "core", "core", "senior", "senior"), tiers);
        lqf.dimensions().forEach(dimension -> assertEquals(4, dimension.elements().size(), dimension.code()));
        assertEquals(List.of(1, 2, 3, 4), lqf.scale().stream().map(point -> point.value()).toList());
        assertEquals("Role model", lqf.scale().get(3).label());
    }

    @Test
    void everyShippedModuleHasThreeToSixLessonsAndFifteenToFortyMinutes() {
        assertTrue(shipped.modules().size() >= 12, "modules: " + shipped.modules().size());
        assertTrue(shipped.modules().stream().mapToInt(m -> m.lessons().size()).sum() >= 60, "at least 60 lessons");
        for (ModuleDefinition module : shipped.modules()) {
            int lessonMinutes = module.lessons().stream().mapToInt(LessonDefinition::minutes).sum();
            assertAll(module.key(),
                    () -> assertTrue(module.lessons().size() >= 3 && module.lessons().size() <= 6),
                    () -> assertTrue(module.minutes() >= 15 && module.minutes() <= 40),
                    () -> assertEquals(module.minutes(), lessonMinutes, "module minutes are the sum of its lessons"),
                    () -> assertEquals("modules/" + module.key() + "/module.md", module.path()),
                    () -> assertEquals(64, module.contentHash().length()),
                    () -> assertTrue(module.elementCodes().stream().allMatch(c -> framework("lqf").elementCodes().contains(c)
                            || framework("mlc").elementCodes().contains(c))));
        }
    }

    @Test
    void shippedLessonsKeepTheirSubheadingsChecksAndReflections() {
        ModuleDefinition change = module("leading-change-integrated-care");
        LessonDefinition visible = change.lessons().get(0);
        assertEquals("change-being-visible", visible.key());
        assertEquals("modules/leading-change-integrated-care/lessons/change-being-visible.md", visible.path());
        assertTrue(visible.readingHtml().startsWith("<h2>Why visibility matters</h2>"), visible.readingHtml());
        assertTrue(visible.reflectionPrompt().startsWith("During the last change you were part of"));
        assertEquals(2, visible.questions().size());
        assertEquals(1, visible.questions().get(0).answer());
        assertEquals(4, visible.questions().get(0).options().size());
        assertEquals("home care", visible.setting());
        assertTrue(change.introHtml().contains("<li>"));
    }

    @Test
    void contentHashesDifferBetweenModules() {
        long distinct = shipped.modules().stream().map(ModuleDefinition::contentHash).distinct().count();
        assertEquals(shipped.modules().size(), distinct);
    }

    @Test
    void aMissingContentFolderIsOneErrorAndNothingRead(@TempDir Path dir) {
        ContentSnapshot snapshot = ContentReader.read(dir.resolve("nowhere"));
        assertEquals(1, snapshot.errors().size());
        ContentError error = snapshot.errors().get(0);
        assertEquals(".", error.path());
        assertEquals(0, error.line());
        assertTrue(error.message().contains("does not exist"), error.message());
        assertTrue(snapshot.frameworks().isEmpty() && snapshot.modules().isEmpty());
    }

    @Test
    void aMissingSubFolderIsReportedByNameAndNothingIsRead(@TempDir Path dir) {
        ModuleReaderTest.write(dir.resolve("frameworks/good.yaml"), ModuleReaderTest.fixture("framework.yaml"));
        ContentSnapshot snapshot = ContentReader.read(dir);
        assertEquals(1, snapshot.errors().size());
        assertEquals("modules", snapshot.errors().get(0).path());
        assertTrue(snapshot.errors().get(0).message().contains("'modules' does not exist"));
        assertTrue(snapshot.frameworks().isEmpty());
    }

    @Test
    void modulesMayOnlyUseElementCodesOfValidFrameworks(@TempDir Path dir) throws IOException {
        String framework = ModuleReaderTest.fixture("framework.yaml");
        ModuleReaderTest.write(dir.resolve("frameworks/good.yaml"), framework);
        ModuleReaderTest.write(dir.resolve("frameworks/broken.yaml"), framework.replace("id: tqf", "id: oth")
                .replace("TQF-", "OTH-").replace("active: true", "active: false").replace("title: Test Qualities Framework\n", ""));
        ModuleReaderTest.writeModule(dir.resolve("modules"), "uses-good", "uses-good", "good");
        ModuleReaderTest.writeModule(dir.resolve("modules"), "uses-broken", "uses-broken", "broken");
        Path usesBroken = dir.resolve("modules/uses-broken/module.md");
        ModuleReaderTest.write(usesBroken, Files.readString(usesBroken).replace("TQF-2.1", "OTH-1.1"));

        ContentSnapshot snapshot = ContentReader.read(dir);

        assertEquals(List.of("tqf"), snapshot.frameworks().stream().map(FrameworkDefinition::code).toList());
        assertEquals(List.of("uses-good"), snapshot.modules().stream().map(ModuleDefinition::key).toList());
        assertEquals(List.of(
                new ContentError("frameworks/broken.yaml", 1, "The framework needs a 'title'."),
                new ContentError("modules/uses-broken/module.md", 7, "Unknown framework element code 'OTH-1.1'.")),
                snapshot.errors());
    }

    private static FrameworkDefinition framework(String code) {
        return shipped.frameworks().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private static ModuleDefinition module(String key) {
        return shipped.modules().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

}
