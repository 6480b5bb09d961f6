package org.leadingtogether.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkSummary;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.EntryForm;
import org.leadingtogether.journal.EntryKind;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.ReferenceCache;
import org.leadingtogether.progress.ProgressOverview;
import org.leadingtogether.progress.ProgressService;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsAdmin;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.SqlStatements;
import org.leadingtogether.support.TestLearner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The framework, learning and progress services inside Payara Micro on MariaDB: content imported at
 * start-up, progress current the moment a lesson is done, self-assessments kept side by side, and a
 * reload with a broken file that leaves the last good version live. The content read is a copy under
 * target/ (CONTENT_DIR), which a test may break and always mends.
 */
@ExtendWith(ArquillianExtension.class)
class LearningIT {

    private static final String MODULE = "systems-leadership-integrated-care";
    private static final String FIRST = "why-systems-leadership";
    private static final String SECOND = "relationships-outside-meetings";

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(LearningIT.class, SqlStatements.class);
    }

    @Inject
    private LearningService learning;

    @Inject
    private ProgressService progress;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsAdmin admin;

    @Inject
    private TestLearner testLearner;

    @Inject
    private JournalService journal;

    @Inject
    private SqlStatements sql;

    @Inject
    private ReferenceCache cache;

    @Inject
    private BeanManager beans;

    @BeforeEach
    void freshLearner() {
        testLearner.reset();
    }

    @Test
    void theFrameworksAndModulesAreImportedAtStartUp() throws Exception {
        FrameworkView active = frameworks.findActive().orElseThrow();
        assertEquals("mlc", active.code(), "the 2026 edition, whose file says it is active, took over from the 2012 one");
        assertEquals("2026", active.version());
        assertEquals(11, active.dimensions().size(), "six principles and five dimensions");
        assertEquals(27, active.allElements().size());
        assertEquals("lqf", active.replacesCode());
        assertEquals(28, active.crosswalk().size(), "every 2012 element carries over");
        assertEquals(List.of(1, 2, 3, 4), active.scale().stream().map(FrameworkView.Scale::value).toList());
        List<FrameworkSummary> all = admin.call(() -> frameworks.findFrameworks());
        assertTrue(all.size() >= 2, "a second framework version loads beside the first");
        assertEquals(1, all.stream().filter(FrameworkSummary::active).count());

        List<CatalogueEntry> catalogue = learner.call(() -> learning.findCatalogue(null, null));
        assertTrue(catalogue.size() >= 12, "at least twelve modules: " + catalogue.size());
        catalogue.forEach(m -> {
            assertTrue(m.lessons() >= 3 && m.lessons() <= 6, m.key() + " has " + m.lessons() + " lessons");
            assertTrue(m.minutes() >= 15 && m.minutes() <= 40, m.key());
            assertFalse(m.dimensions().isEmpty(), m.key() + " develops a dimension");
        });
    }

    @Test
    void theCatalogueFiltersByDimensionAndWords() throws Exception {
        List<CatalogueEntry> collaborative = learner.call(() -> learning.findCatalogue("MLC-P2", null));
        assertFalse(collaborative.isEmpty());
        collaborative.forEach(m -> assertTrue(m.dimensions().stream().anyMatch(d -> d.code().equals("MLC-P2")), m.key()));
        List<CatalogueEntry> byWords = learner.call(() -> learning.findCatalogue(null, "COLLABORATIVE"));
        assertTrue(byWords.stream().anyMatch(m -> m.key().equals("six-practices-collaborative-leadership")));
        assertTrue(learner.call(() -> learning.findCatalogue(null, "no module talks about this")).isEmpty());
    }

    /**
     * A module page is the page learners open most after their home. What every learner sees of it (the module, its
     * lessons in order, the framework's dimensions) is read once and kept; each view reads only the learner's own
     * completions. Before, every view read the module and then each lesson's framework elements with a statement of
     * its own, so the page cost more statements the more lessons its module had.
     */
    @Test
    void aModulePageSendsTheSameStatementsHoweverManyLessonsItsModuleHas() throws Exception {
        List<CatalogueEntry> catalogue = learner.call(() -> learning.findCatalogue(null, null));
        CatalogueEntry fewest = catalogue.stream().min(java.util.Comparator.comparingInt(CatalogueEntry::lessons)).orElseThrow();
        CatalogueEntry most = catalogue.stream().max(java.util.Comparator.comparingInt(CatalogueEntry::lessons)).orElseThrow();
        assertTrue(most.lessons() > fewest.lessons(), "the content has modules of different lengths: " + fewest.lessons());

        List<String> firstOfFewest = firstView(fewest.key());
        List<String> firstOfMost = firstView(most.key());
        assertEquals(firstOfFewest.size(), firstOfMost.size(), "a first view, with " + fewest.lessons() + " lessons: "
                + firstOfFewest + "\nwith " + most.lessons() + ": " + firstOfMost);

        for (CatalogueEntry module : List.of(fewest, most)) {
            learner.call(() -> learning.getModule(module.key()));
            SqlStatements.Counted<ModulePage> again = sql.of(() -> learner.call(() -> learning.getModule(module.key())));
            assertEquals(module.lessons(), again.value().lessons().size(), module.key());
            assertEquals(1, again.statements().size(), "a later view of " + module.key() + " (" + module.lessons()
                    + " lessons) reads only the learner's completions: " + again.statements());
        }
    }

    /**
     * The active framework is read again once a minute (and after an import) by whichever page asks first, the
     * catalogue or a learner's home. Its elements' behaviour statements come in one statement for all of them, not
     * one an element (27 in the 2026 edition), in the order the file gives them.
     */
    @Test
    void theFrameworkIsReadWithOneStatementForAllItsElementsBehaviours() throws Exception {
        cache.forgetAfterCommit();
        SqlStatements.Counted<java.util.Optional<FrameworkView>> read = sql.of(() -> frameworks.findActive());
        FrameworkView active = read.value().orElseThrow();
        assertEquals(27, active.allElements().size());
        active.allElements().forEach(e -> assertFalse(e.behaviours().isEmpty(), e.code() + " has its behaviours"));
        assertEquals(1, read.statements().stream().filter(s -> s.contains("framework_element_behaviour")).count(),
                "one statement reads every element's behaviours: " + read.statements());
        assertTrue(read.statements().size() < 10, "a handful of statements in all: " + read.statements());
        Path content = Path.of(System.getenv("CONTENT_DIR"));
        Map<String, List<String>> inTheFile = new HashMap<>();
        org.leadingtogether.framework.FrameworkReader.read(content.resolve("frameworks"), content).frameworks().stream()
                .filter(f -> f.code().equals(active.code()) && f.version().equals(active.version()))
                .flatMap(f -> f.dimensions().stream()).flatMap(d -> d.elements().stream())
                .forEach(e -> inTheFile.put(e.code(), e.behaviours()));
        assertEquals(27, inTheFile.size(), "the active edition's file");
        active.allElements().forEach(e -> {
            assertEquals(inTheFile.get(e.code()), e.behaviours(), e.code() + ": each element's own behaviours, in the file's order");
        });
    }

    /** The statements of a module page's view with nothing kept from before. */
    private List<String> firstView(String module) throws Exception {
        cache.forgetAfterCommit();
        return sql.of(() -> learner.call(() -> learning.getModule(module))).statements();
    }

    @Test
    void progressIsCurrentTheMomentALessonIsDone() throws Exception {
        LearnerProgress before = learner.call(() -> learning.getProgress());
        assertEquals(0, before.lessonsDone());
        ModulePage module = learner.call(() -> learning.getModule(MODULE));
        assertEquals(FIRST, module.continueKey());

        String next = learner.call(() -> learning.completeLesson(FIRST));
        assertEquals(SECOND, next);
        assertEquals(next, learner.call(() -> learning.completeLesson(FIRST)), "doing a lesson twice changes nothing");

        LearnerProgress after = learner.call(() -> learning.getProgress());
        assertEquals(1, after.lessonsDone());
        assertEquals(SECOND, after.next().lessonKey(), "continue in the module last worked in");
        ModulePage page = learner.call(() -> learning.getModule(MODULE));
        assertEquals(Progress.percent(1, page.lessons().size()), page.percent());
        assertEquals(SECOND, page.continueKey());
        assertTrue(learner.call(() -> learning.getLesson(FIRST)).done());
        // The lesson names MLC-P2.1 and MLC-D1.3, and the 2012 elements LQF-2.1 (which leads to MLC-P2.1) and
        // LQF-5.1 (which leads to MLC-D2.1): evidence is counted for the active edition's elements, each once.
        assertEquals(Map.of("MLC-P2.1", 1, "MLC-D1.3", 1, "MLC-D2.1", 1), after.evidenceByElement());
    }

    @Test
    void theLastLessonOfAModuleLeadsNowhereAndTheModuleIsComplete() throws Exception {
        ModulePage module = learner.call(() -> learning.getModule(MODULE));
        String next = null;
        for (ModulePage.LessonRow lesson : module.lessons()) {
            next = learner.call(() -> learning.completeLesson(lesson.key()));
        }
        assertNull(next);
        assertEquals(100, learner.call(() -> learning.getModule(MODULE)).percent());
        assertEquals(1, learner.call(() -> learning.getProgress()).modulesDone());
    }

    @Test
    void notesArePrivateToTheLessonAndAnEmptyNoteIsRefused() throws Exception {
        learner.call(() -> {
            learning.addNote(FIRST, "Who do I meet outside formal meetings?");
            return null;
        });
        assertEquals(List.of("Who do I meet outside formal meetings?"),
                learner.call(() -> learning.getLesson(FIRST)).notes().stream().map(LessonPage.Note::text).toList());
        assertTrue(learner.call(() -> learning.getLesson(SECOND)).notes().isEmpty());
        BusinessException refused = assertThrows(BusinessException.class, () -> learner.call(() -> {
            learning.addNote(FIRST, "   ");
            return null;
        }));
        assertEquals("note", refused.getField().orElseThrow());
    }

    @Test
    void anUnknownLessonOrModuleIsNotFound() {
        assertThrows(NotFoundException.class, () -> learner.call(() -> learning.getLesson("no-such-lesson")));
        assertThrows(NotFoundException.class, () -> learner.call(() -> learning.getModule("no-such-module")));
    }

    @Test
    void selfAssessmentsAreKeptSideBySideNeverOverwritten() throws Exception {
        FrameworkView framework = frameworks.findActive().orElseThrow();
        long first = framework.allElements().get(0).id();
        long second = framework.allElements().get(1).id();
        Map<Long, Integer> earlier = new HashMap<>(Map.of(first, 2, second, 1));
        learner.call(() -> progress.saveSelfAssessment(earlier, "Listening", null));
        Map<Long, Integer> later = new HashMap<>(Map.of(first, 3));
        learner.call(() -> progress.saveSelfAssessment(later, null, "Using data"));

        ProgressOverview overview = learner.call(() -> progress.getOverview());
        assertEquals(2, overview.history().size());
        assertEquals(Map.of(first, 3), overview.latest().ratings());
        assertEquals(Map.of(first, 2, second, 1), overview.history().get(1).ratings(), "the earlier one is untouched");
        assertEquals("Listening", overview.history().get(1).strengths());
        String dimension = framework.dimensions().get(0).code();
        assertEquals(3.0, overview.latest().averages().get(dimension));
        assertEquals(1.5, overview.history().get(1).averages().get(dimension));

        assertThrows(BusinessException.class, () -> learner.call(() -> progress.saveSelfAssessment(new HashMap<>(Map.of(first, 9)), null, null)));
        assertEquals(2, learner.call(() -> progress.getOverview()).history().size(), "nothing half saved");
    }

    /**
     * The learner's home reads their self-assessments and all their ratings in two statements, however many they
     * have made: the ratings are read in one batch for all of them (declared on {@code SelfAssessment.ratings}), never
     * one statement an assessment.
     */
    @Test
    void theHomeReadsSelfAssessmentsAndTheirRatingsInTwoStatementsHoweverMany() throws Exception {
        FrameworkView framework = frameworks.findActive().orElseThrow();
        long first = framework.allElements().get(0).id();
        long second = framework.allElements().get(1).id();
        learner.call(() -> progress.saveSelfAssessment(new HashMap<>(Map.of(first, 2, second, 1)), null, null));
        learner.call(() -> progress.getOverview()); // the catalogue and the framework, read once into the reference cache
        SqlStatements.Counted<ProgressOverview> one = sql.of(() -> learner.call(() -> progress.getOverview()));
        for (int rating = 1; rating <= 3; rating++) {
            Map<Long, Integer> ratings = new HashMap<>(Map.of(first, rating, second, 4 - rating));
            learner.call(() -> progress.saveSelfAssessment(ratings, null, null));
        }
        SqlStatements.Counted<ProgressOverview> four = sql.of(() -> learner.call(() -> progress.getOverview()));

        assertEquals(4, four.value().history().size());
        assertEquals(Map.of(first, 3, second, 1), four.value().latest().ratings(), "the latest, with its own ratings");
        assertEquals(Map.of(first, 2, second, 1), four.value().history().get(3).ratings(), "the first, with its own ratings");
        assertEquals(one.statements().size(), four.statements().size(), "one assessment: " + one.statements()
                + "\nfour: " + four.statements());
        assertEquals(1, four.statements().stream().filter(statement -> statement.toLowerCase(java.util.Locale.ROOT).contains("self_rating")).count(),
                "all four assessments' ratings in one statement: " + four.statements());
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndTheLastGoodVersionStaysLive() throws Exception {
        Path moduleFile = Path.of(System.getenv("CONTENT_DIR"), "modules", MODULE, "module.md");
        String good = Files.readString(moduleFile, StandardCharsets.UTF_8);
        String title = learner.call(() -> learning.getModule(MODULE)).title();
        learner.call(() -> learning.completeLesson(FIRST));
        try {
            Files.writeString(moduleFile, good.replace("title: ", "title: Broken ").replace("elements: [", "elements: [LQF-9.9, "),
                    StandardCharsets.UTF_8);
            ContentStatus status = admin.call(() -> learning.reloadContent());
            ContentStatus.Problem problem = status.problems().stream()
                    .filter(p -> p.path().equals("modules/" + MODULE + "/module.md")).findFirst().orElseThrow();
            assertTrue(problem.line() > 1, "the line of the fault: " + problem);
            assertTrue(problem.message().contains("LQF-9.9"), problem.message());
            assertEquals(title, learner.call(() -> learning.getModule(MODULE)).title(), "the last good version stays live");
        } finally {
            Files.writeString(moduleFile, good, StandardCharsets.UTF_8);
            admin.call(() -> learning.reloadContent());
        }
        assertTrue(learner.call(() -> learning.getLesson(FIRST)).done(), "progress kept across reloads");
        assertEquals(0, admin.call(() -> learning.getContentStatus()).errorCount());
    }

    /** The catalogue, modules and lessons are kept in memory between requests; a reload must replace what is kept at once. */
    @Test
    void aReloadedChangeIsShownAtOnceByTheCatalogueTheModuleAndTheLessonPage() throws Exception {
        Path moduleFile = Path.of(System.getenv("CONTENT_DIR"), "modules", MODULE, "module.md");
        Path lessonFile = moduleFile.resolveSibling("lessons").resolve(FIRST + ".md");
        String goodModule = Files.readString(moduleFile, StandardCharsets.UTF_8);
        String goodLesson = Files.readString(lessonFile, StandardCharsets.UTF_8);
        String lessonTitle = learner.call(() -> learning.getLesson(FIRST)).title();
        String moduleTitle = learner.call(() -> learning.getLesson(FIRST)).moduleTitle();
        assertEquals(moduleTitle, learner.call(() -> learning.getModule(MODULE)).title());
        assertTrue(learner.call(() -> learning.findCatalogue(null, null)).stream().anyMatch(e -> e.title().equals(moduleTitle)));
        try {
            Files.writeString(lessonFile, goodLesson.replace("title: " + lessonTitle, "title: Revised " + lessonTitle), StandardCharsets.UTF_8);
            Files.writeString(moduleFile, goodModule.replace("title: " + moduleTitle, "title: Revised " + moduleTitle), StandardCharsets.UTF_8);
            assertEquals(0, admin.call(() -> learning.reloadContent()).errorCount());
            LessonPage revised = learner.call(() -> learning.getLesson(FIRST));
            assertEquals("Revised " + lessonTitle, revised.title());
            assertEquals("Revised " + moduleTitle, revised.moduleTitle());
            assertTrue(learner.call(() -> learning.findCatalogue(null, null)).stream()
                    .anyMatch(e -> e.title().equals("Revised " + moduleTitle)), "the catalogue shows the new title");
            assertEquals("Revised " + moduleTitle, learner.call(() -> learning.getModule(MODULE)).title(), "and so does the module page");
        } finally {
            Files.writeString(moduleFile, goodModule, StandardCharsets.UTF_8);
            Files.writeString(lessonFile, goodLesson, StandardCharsets.UTF_8);
            admin.call(() -> learning.reloadContent());
        }
        assertEquals(lessonTitle, learner.call(() -> learning.getLesson(FIRST)).title());
    }

    /**
     * A learner who rated herself and wrote a reflection against the 2012 edition, before the 2026 edition became
     * active, sees both carried across: her ratings through the crosswalk, marked with the edition they were made
     * against, and her reflection as evidence for the 2026 elements its 2012 tag leads to.
     */
    @Test
    void a2012SelfAssessmentAndEvidenceCarryAcrossTo2026() throws Exception {
        FrameworkView mlc = frameworks.findActive().orElseThrow();
        FrameworkSummary lqfSummary = admin.call(() -> frameworks.findFrameworks()).stream()
                .filter(f -> f.version().equals("2012")).findFirst().orElseThrow();
        FrameworkView lqf = frameworks.getFramework(lqfSummary.id());
        int reflectionsBefore = collaborative(learner.call(() -> progress.getOverview())).reflections();
        long entry;
        try {
            admin.run(() -> frameworks.activate(lqf.id()));
            Map<Long, Integer> ratings2012 = new HashMap<>(Map.of(
                    id(lqf, "LQF-2.1"), 2, id(lqf, "LQF-2.2"), 4, id(lqf, "LQF-1.1"), 3, id(lqf, "LQF-6.1"), 1));
            learner.call(() -> progress.saveSelfAssessment(ratings2012, "Networks", null));
            EntryForm form = new EntryForm();
            form.setTitle("Huddle with the council team");
            form.setEventDate(LocalDate.of(2026, 2, 10));
            form.setKind(EntryKind.PRACTICE_EVENT);
            form.getStages().set(0, "Three teams planned a week of visits together.");
            form.getStages().set(4, "Ask before telling.");
            form.setLearned("Listening first brought the teams together.");
            form.setChange("I will open huddles with a round.");
            form.setElementCodes(List.of("LQF-2.4"));
            entry = learner.call(() -> journal.save(form, false)).id();
        } finally {
            admin.run(() -> frameworks.activate(mlc.id()));
        }

        ProgressOverview overview = learner.call(() -> progress.getOverview());

        assertEquals(mlc.id(), overview.framework().id());
        ProgressOverview.Assessment carried = overview.latest();
        assertTrue(carried.carried(), "made against the 2012 edition");
        assertEquals("the 2012 edition", carried.edition());
        assertEquals("Networks", carried.strengths());
        // LQF-2.1 (2) and LQF-2.2 (4) both lead to MLC-P2.1: their mean, 3; LQF-1.1 leads to MLC-P4.2; LQF-6.1 to MLC-D1.1
        assertEquals(Map.of(id(mlc, "MLC-P2.1"), 3, id(mlc, "MLC-P4.2"), 3, id(mlc, "MLC-D1.1"), 1), carried.ratings());
        assertEquals(3.0, carried.averages().get("MLC-P2"));
        assertEquals(reflectionsBefore + 1, collaborative(overview).reflections(),
                "the reflection tagged LQF-2.4 counts for MLC-P2.2");

        Map<Long, Integer> ratings2026 = new HashMap<>(Map.of(id(mlc, "MLC-P1.2"), 2));
        learner.call(() -> progress.saveSelfAssessment(ratings2026, null, null));
        ProgressOverview after = learner.call(() -> progress.getOverview());
        assertFalse(after.latest().carried());
        assertEquals("the 2026 edition", after.latest().edition());
        assertTrue(after.history().get(1).carried(), "the 2012 assessment stays in the history, marked so");
        learner.call(() -> {
            journal.deleteEntry(entry);
            return null;
        });
    }

    /**
     * An administrator's choice of framework stands however often content is reloaded; a framework file that
     * changes to say "active: true" (a new edition) takes over at the next reload.
     */
    @Test
    void aFileThatStartsToSayActiveTakesOverWhileAnAdministratorsChoiceOtherwiseStands() throws Exception {
        Path file = Path.of(System.getenv("CONTENT_DIR"), "frameworks", "management-leadership-code-2026.yaml");
        String good = Files.readString(file, StandardCharsets.UTF_8);
        FrameworkView mlc = frameworks.findActive().orElseThrow();
        FrameworkSummary lqf = admin.call(() -> frameworks.findFrameworks()).stream()
                .filter(f -> f.version().equals("2012")).findFirst().orElseThrow();
        try {
            admin.run(() -> frameworks.activate(lqf.id()));
            admin.call(() -> learning.reloadContent());
            assertEquals("2012", frameworks.findActive().orElseThrow().version(), "the administrator's choice stands");

            Files.writeString(file, good.replace("active: true", "active: false"), StandardCharsets.UTF_8);
            admin.call(() -> learning.reloadContent());
            assertEquals("2012", frameworks.findActive().orElseThrow().version());

            Files.writeString(file, good, StandardCharsets.UTF_8);
            admin.call(() -> learning.reloadContent());
            assertEquals(mlc.id(), frameworks.findActive().orElseThrow().id(), "the file now says active, and takes over");
        } finally {
            Files.writeString(file, good, StandardCharsets.UTF_8);
            admin.run(() -> frameworks.activate(mlc.id()));
            admin.call(() -> learning.reloadContent());
        }
    }

    private static ProgressOverview.DimensionStanding collaborative(ProgressOverview overview) {
        return overview.standings().stream().filter(d -> d.code().equals("MLC-P2")).findFirst().orElseThrow();
    }

    private static long id(FrameworkView framework, String code) {
        return framework.allElements().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow().id();
    }

    @Test
    void switchingTheActiveFrameworkKeepsWhatReferredToTheOldOne() throws Exception {
        FrameworkView lqf = frameworks.findActive().orElseThrow();
        long element = lqf.allElements().get(0).id();
        learner.call(() -> progress.saveSelfAssessment(new HashMap<>(Map.of(element, 2)), null, null));
        FrameworkSummary other = admin.call(() -> frameworks.findFrameworks()).stream().filter(f -> !f.active()).findFirst().orElseThrow();
        try {
            admin.run(() -> frameworks.activate(other.id()));
            ProgressOverview underOther = learner.call(() -> progress.getOverview());
            assertEquals(other.id(), underOther.framework().id());
            assertNull(underOther.latest(), "ratings stay with the version they were made against");
            assertNotNull(frameworks.getFramework(lqf.id()));
        } finally {
            admin.run(() -> frameworks.activate(lqf.id()));
        }
        assertEquals(Map.of(element, 2), learner.call(() -> progress.getOverview()).latest().ratings());
    }

    /**
     * Each stateless service is one reference that every bean injecting it shares (SharedServiceReferences), not a new
     * one for each page bean at each request, and calls through it are still checked by the container: nobody signed
     * in is refused, a learner is served, and the services' other rules (the test below) stand.
     */
    @Test
    void servicesAreSharedReferencesThatStillCheckWhoCalls() throws Exception {
        for (Class<?> service : List.of(ProgressService.class, LearningService.class, JournalService.class, FrameworkService.class)) {
            Bean<?> bean = beans.resolve(beans.getBeans(service));
            assertEquals(ApplicationScoped.class, bean.getScope(), service.getSimpleName() + " is injected as one shared reference");
        }
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> progress.getOverview());
        assertNotNull(learner.call(() -> progress.getOverview()));

        // Session- and view-scoped beans hold such references, and a cluster moves them between instances: one
        // written out and read back in still reaches the service.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(progress);
        }
        ProgressService readBack;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            readBack = (ProgressService) in.readObject();
        }
        assertNotNull(learner.call(() -> readBack.getOverview()));
    }

    @Test
    void onlyLearnersTakeLessonsAndOnlyAdministratorsReloadContent() {
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learning.getProgress());
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learning.reloadContent());
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learner.call(() -> learning.reloadContent()));
    }
}
