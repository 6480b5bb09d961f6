package org.leadingtogether.learning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.framework.DimensionRef;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The boundary of the learning feature. Learners browse the catalogue, take lessons, mark them done and
 * keep notes; administrators reload content and see its status. Everything a learner sees of progress is
 * counted from {@link LessonCompletion}s at the moment it is asked for, so it is always current. Each page
 * is built with a fixed number of queries, whatever the number of modules or learners.
 */
@Stateless
public class LearningService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private org.leadingtogether.platform.ReferenceCache cache;

    @Resource
    private SessionContext session;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private ContentImport contentImport;

    @Inject
    private Clock clock;

    private final QuestionsCodec questions = new QuestionsCodec();

    // ---------------------------------------------------------------- learners

    /**
     * Published modules with the caller's progress, optionally only those developing a dimension (by its
     * code) and matching words in the title or summary.
     */
    @RolesAllowed("LEARNER")
    public List<CatalogueEntry> findCatalogue(String dimensionCode, String words) {
        long me = Callers.personId(session);
        Catalogue catalogue = catalogue();
        Map<String, DimensionRef> dimensionsByElement = frameworks.findDimensionsByElementCode();
        Map<Long, Integer> doneCounts = counts(em.createQuery("""
                        SELECT l.module.id, COUNT(c) FROM LessonCompletion c JOIN c.lesson l
                        WHERE c.personId = :me AND l.active = TRUE GROUP BY l.module.id""", Object[].class)
                .setParameter("me", me).getResultList());
        String needle = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
        List<CatalogueEntry> entries = new ArrayList<>();
        for (Catalogue.Module module : catalogue.modules()) {
            List<DimensionRef> dimensions = dimensionsOf(catalogue.elementsOfModule().getOrDefault(module.id(), Set.of()), dimensionsByElement);
            boolean dimensionMatches = dimensionCode == null || dimensionCode.isBlank()
                    || dimensions.stream().anyMatch(d -> d.code().equals(dimensionCode));
            boolean wordsMatch = needle.isEmpty() || module.title().toLowerCase(Locale.ROOT).contains(needle)
                    || module.summary().toLowerCase(Locale.ROOT).contains(needle);
            if (dimensionMatches && wordsMatch) {
                entries.add(new CatalogueEntry(module.key(), module.title(), module.summary(), module.minutes(),
                        module.lessons(), doneCounts.getOrDefault(module.id(), 0), dimensions));
            }
        }
        return entries;
    }

    @RolesAllowed("LEARNER")
    public ModulePage getModule(String key) {
        long me = Callers.personId(session);
        ModuleContent module = cache.get("learning.module." + key, () -> moduleContent(key));
        Set<Long> done = completedLessonIds(me, module.id());
        List<ModulePage.LessonRow> lessons = module.lessons().stream()
                .map(l -> new ModulePage.LessonRow(l.key(), l.title(), l.minutes(), done.contains(l.id())))
                .toList();
        return new ModulePage(module.key(), module.title(), module.summary(), module.introHtml(), module.minutes(),
                module.version(), lessons, dimensionsOf(module.elementCodes(), frameworks.findDimensionsByElementCode()));
    }

    /**
     * A module as every learner sees it: its introduction, its element codes and its active lessons in order. The
     * same for everyone and read by every module page, so kept in the reference cache like a lesson's content (only
     * modules that exist are kept: an unknown key throws before anything is stored). Read with one query for the
     * lessons, whatever their number, instead of loading each lesson with its own element codes, which cost a
     * statement a lesson on every view of the page.
     */
    private record ModuleContent(long id, String key, String title, String summary, String introHtml, int minutes, int version,
                                 List<LessonItem> lessons, Set<String> elementCodes) {

        /** An active lesson in the module's list. */
        private record LessonItem(long id, String key, String title, int minutes) {
        }
    }

    private ModuleContent moduleContent(String key) {
        LearningModule module = publishedModule(key);
        List<ModuleContent.LessonItem> lessons = em.createQuery("""
                        SELECT l.id, l.lessonKey, l.title, l.minutes FROM Lesson l
                        WHERE l.module.id = :m AND l.active = TRUE ORDER BY l.position""", Object[].class)
                .setParameter("m", module.getId()).getResultList().stream()
                .map(row -> new ModuleContent.LessonItem((Long) row[0], (String) row[1], (String) row[2], (Integer) row[3]))
                .toList();
        return new ModuleContent(module.getId(), module.getModuleKey(), module.getTitle(), module.getSummary(),
                module.getIntroHtml(), module.getMinutes(), module.getContentVersion(), lessons,
                Collections.unmodifiableSet(new LinkedHashSet<>(module.getElementCodes())));
    }

    @RolesAllowed("LEARNER")
    public LessonPage getLesson(String key) {
        long me = Callers.personId(session);
        LessonContent lesson = cache.get("learning.lesson." + key, () -> lessonContent(key));
        boolean done = em.createQuery("SELECT COUNT(c) FROM LessonCompletion c WHERE c.personId = :p AND c.lesson.id = :l", Long.class)
                .setParameter("p", me).setParameter("l", lesson.id()).getSingleResult() > 0;
        List<LessonPage.Note> notes = em.createQuery(
                        "SELECT n.createdAt, n.note FROM LessonNote n WHERE n.personId = :me AND n.lesson.id = :lesson ORDER BY n.createdAt DESC",
                        Object[].class)
                .setParameter("me", me).setParameter("lesson", lesson.id()).getResultList().stream()
                .map(row -> new LessonPage.Note((Instant) row[0], (String) row[1])).toList();
        return new LessonPage(lesson.key(), lesson.title(), lesson.minutes(), lesson.readingHtml(), lesson.reflectionPrompt(),
                lesson.questions(), done, lesson.moduleKey(), lesson.moduleTitle(), lesson.number(), lesson.count(),
                lesson.previousKey(), lesson.nextKey(), notes);
    }

    /**
     * A lesson as every learner sees it: its reading, questions and place in its module. The same for everyone
     * and read by every lesson page, so kept in the reference cache (only lessons that exist are kept: an unknown
     * key throws before anything is stored).
     */
    private record LessonContent(long id, String key, String title, int minutes, String readingHtml, String reflectionPrompt,
                                 List<QuestionDefinition> questions, String moduleKey, String moduleTitle, int number, int count,
                                 String previousKey, String nextKey) {
    }

    private LessonContent lessonContent(String key) {
        Lesson lesson = activeLesson(key);
        List<Lesson> siblings = lesson.getModule().getActiveLessons().stream()
                .sorted(Comparator.comparingInt(Lesson::getPosition)).toList();
        int index = siblings.indexOf(lesson);
        return new LessonContent(lesson.getId(), lesson.getLessonKey(), lesson.getTitle(), lesson.getMinutes(), lesson.getReadingHtml(),
                lesson.getReflectionPrompt(), questions.read(lesson.getQuestionsJson()),
                lesson.getModule().getModuleKey(), lesson.getModule().getTitle(), index + 1, siblings.size(),
                index > 0 ? siblings.get(index - 1).getLessonKey() : null,
                index + 1 < siblings.size() ? siblings.get(index + 1).getLessonKey() : null);
    }

    /**
     * Marks a lesson done for the caller, now. Doing it again changes nothing. Returns the key of the next
     * lesson of the module not yet done, or null when the module is complete.
     */
    @RolesAllowed("LEARNER")
    public String completeLesson(String key) {
        long me = Callers.personId(session);
        Lesson lesson = activeLesson(key);
        Set<Long> done = completedLessonIds(me, lesson.getModule().getId());
        if (!done.contains(lesson.getId())) {
            Instant now = clock.instant();
            em.persist(new LessonCompletion(me, lesson, now));
            noteLearning(em, me, now);
            done.add(lesson.getId());
        }
        return lesson.getModule().getActiveLessons().stream()
                .sorted(Comparator.comparingInt(Lesson::getPosition))
                .filter(l -> !done.contains(l.getId()))
                .map(Lesson::getLessonKey)
                .findFirst().orElse(null);
    }

    /**
     * Records on the person that they completed a lesson at {@code when} (never moving it backwards), so that
     * dashboards read the last activity with the member. Everything that records a completion calls this.
     */
    public static void noteLearning(EntityManager em, long personId, Instant when) {
        java.time.LocalDateTime utc = org.leadingtogether.platform.persistence.InstantConverter.column(when);
        em.createNativeQuery("UPDATE person SET last_learning_at = ? WHERE id = ? AND (last_learning_at IS NULL OR last_learning_at < ?)")
                .setParameter(1, utc).setParameter(2, personId).setParameter(3, utc).executeUpdate();
    }

    /** Keeps a private note in answer to a lesson's reflection prompt. */
    @RolesAllowed("LEARNER")
    public void addNote(String lessonKey, String text) {
        long me = Callers.personId(session);
        if (text == null || text.isBlank()) {
            throw new BusinessException("note", "Write something before saving.");
        }
        if (text.length() > LessonNote.TEXT_MAX) {
            throw new BusinessException("note", "Keep the note to " + LessonNote.TEXT_MAX + " characters or fewer.");
        }
        em.persist(new LessonNote(me, activeLesson(lessonKey), text.strip()));
    }

    /** The caller's progress now: lessons, modules, next lesson and evidence per framework element. */
    @RolesAllowed("LEARNER")
    public LearnerProgress getProgress() {
        return progressOf(Callers.personId(session));
    }

    /**
     * Someone's progress, for other features that have already checked the caller may see it (a coach
     * for a coachee, a programme manager for a member of their cohort).
     */
    public LearnerProgress progressOf(long personId) {
        Catalogue catalogue = catalogue();
        List<Object[]> lessons = catalogue.lessons();
        List<Object[]> completions = em.createQuery("""
                        SELECT c.lesson.id, c.completedAt FROM LessonCompletion c
                        WHERE c.personId = :p ORDER BY c.completedAt DESC""", Object[].class)
                .setParameter("p", personId).getResultList().stream()
                .filter(row -> catalogue.moduleOfLesson().containsKey((Long) row[0]))
                .toList();
        Set<Long> done = new HashSet<>();
        completions.forEach(row -> done.add((Long) row[0]));
        Map<Long, int[]> perModule = new LinkedHashMap<>();
        for (Object[] row : lessons) {
            int[] counts = perModule.computeIfAbsent((Long) row[3], id -> new int[2]);
            counts[1]++;
            if (done.contains((Long) row[0])) {
                counts[0]++;
            }
        }
        int modulesDone = (int) perModule.values().stream().filter(c -> c[0] == c[1]).count();
        LearnerProgress.NextLesson next = nextLesson(lessons, done, completions);
        Map<String, Integer> evidence = new HashMap<>();
        java.util.Optional<org.leadingtogether.framework.FrameworkView> active = frameworks.findActive();
        Set<String> elementCodes = active.map(org.leadingtogether.framework.FrameworkView::elementCodes).orElse(Set.of());
        for (Long lesson : done) {
            Set<String> own = catalogue.elementsOfLesson().get(lesson);
            // a lesson imported before lessons named their elements counts for its module's
            Set<String> codes = own != null && !own.isEmpty() ? own
                    : catalogue.elementsOfModule().getOrDefault(catalogue.moduleOfLesson().get(lesson), Set.of());
            Set<String> counted = active.map(a -> a.ownCodes(codes, elementCodes)).orElse(Set.copyOf(codes));
            counted.forEach(code -> evidence.merge(code, 1, Integer::sum));
        }
        return new LearnerProgress(done.size(), lessons.size(), modulesDone, perModule.size(), next, evidence);
    }

    /**
     * The published modules by title with their number of active lessons; the published, active lessons (lesson
     * id, key, title, module id, key, title, position, by module title and position); which module each lesson is
     * in; and the framework elements each module develops. The same for every learner, so kept in the reference
     * cache and forgotten when content is reloaded.
     */
    private record Catalogue(List<Module> modules, List<Object[]> lessons, Map<Long, Long> moduleOfLesson,
                             Map<Long, Set<String>> elementsOfModule, Map<Long, Set<String>> elementsOfLesson) {

        /** A published module as the catalogue lists it. */
        private record Module(long id, String key, String title, String summary, int minutes, int lessons) {
        }
    }

    private Catalogue catalogue() {
        return cache.get("learning.catalogue", () -> {
            List<Object[]> lessons = List.copyOf(em.createQuery("""
                            SELECT l.id, l.lessonKey, l.title, m.id, m.moduleKey, m.title, l.position FROM Lesson l JOIN l.module m
                            WHERE l.active = TRUE AND m.published = TRUE ORDER BY m.title, l.position""", Object[].class)
                    .getResultList());
            Map<Long, Long> moduleOfLesson = new HashMap<>();
            Map<Long, Integer> lessonsPerModule = new HashMap<>();
            lessons.forEach(row -> {
                moduleOfLesson.put((Long) row[0], (Long) row[3]);
                lessonsPerModule.merge((Long) row[3], 1, Integer::sum);
            });
            Map<Long, Set<String>> elements = new HashMap<>();
            em.createQuery("SELECT m.id, e FROM LearningModule m JOIN m.elementCodes e WHERE m.published = TRUE", Object[].class)
                    .getResultList()
                    .forEach(row -> elements.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]));
            Map<Long, Set<String>> lessonElements = new HashMap<>();
            em.createQuery("SELECT l.id, e FROM Lesson l JOIN l.elementCodes e WHERE l.active = TRUE AND l.module.published = TRUE",
                            Object[].class)
                    .getResultList()
                    .forEach(row -> lessonElements.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]));
            List<Catalogue.Module> modules = em.createQuery(
                            "SELECT m.id, m.moduleKey, m.title, m.summary, m.minutes FROM LearningModule m WHERE m.published = TRUE ORDER BY m.title",
                            Object[].class).getResultList().stream()
                    .map(row -> new Catalogue.Module((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                            lessonsPerModule.getOrDefault((Long) row[0], 0)))
                    .toList();
            return new Catalogue(modules, lessons, Map.copyOf(moduleOfLesson), Map.copyOf(elements), Map.copyOf(lessonElements));
        });
    }

    /** Published modules by title, for choosing a programme's required modules. */
    @RolesAllowed({"LEARNER", "PROGRAMME_MANAGER", "ADMIN"})
    public List<ModuleOption> findPublishedModules() {
        return em.createQuery("""
                        SELECT NEW org.leadingtogether.learning.ModuleOption(m.moduleKey, m.title, m.minutes)
                        FROM LearningModule m WHERE m.published = TRUE ORDER BY m.title""", ModuleOption.class)
                .getResultList();
    }

    // ---------------------------------------------------------------- administrators

    /** Reads the content folder again; valid changes go live at once, broken files leave the old version live. */
    @RolesAllowed("ADMIN")
    public ContentStatus reloadContent() {
        contentImport.run("reloaded by an administrator");
        return getContentStatus();
    }

    @RolesAllowed("ADMIN")
    public ContentStatus getContentStatus() {
        ContentImportRun last = em.createNamedQuery("ContentImportRun.latest", ContentImportRun.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        List<LearningModule> all = em.createNamedQuery("LearningModule.findAll", LearningModule.class).getResultList();
        List<ContentStatus.ModuleRow> modules = all.stream()
                .map(m -> new ContentStatus.ModuleRow(m.getModuleKey(), m.getTitle(), m.getContentVersion(),
                        m.getActiveLessons().size(), m.isPublished(), m.getSourcePath()))
                .toList();
        List<Lesson> live = all.stream().filter(LearningModule::isPublished)
                .flatMap(m -> m.getActiveLessons().stream()).toList();
        ContentStatus.Coverage coverage = coverage(live);
        List<ContentStatus.SettingRow> settings = settings(live);
        ContentStatus.Figures figures = figures(all, live);
        if (last == null) {
            return new ContentStatus(null, null, null, 0, List.of(), modules, 0, coverage, settings, figures);
        }
        return new ContentStatus(last.getStartedAt(), last.getTrigger(), last.getContentDir(), last.getErrorCount(),
                last.getProblems().stream()
                        .map(p -> new ContentStatus.Problem(p.getPath(), p.getLine(), p.getMessage(), p.isWarning()))
                        .toList(),
                modules, last.getWarningCount(), coverage, settings, figures);
    }

    /** Each element of the active framework with the live lessons that name it (directly, not through a crosswalk). */
    private ContentStatus.Coverage coverage(List<Lesson> live) {
        return frameworks.findActive().map(framework -> {
            List<ContentStatus.ElementRow> rows = new ArrayList<>();
            framework.dimensions().forEach(dimension -> dimension.elements().forEach(element -> rows.add(
                    new ContentStatus.ElementRow(dimension.name(), element.code(), element.name(),
                            live.stream().filter(l -> l.getElementCodes().contains(element.code()))
                                    .sorted(Comparator.comparing((Lesson l) -> l.getModule().getTitle())
                                            .thenComparingInt(Lesson::getPosition))
                                    .map(l -> new ContentStatus.LessonRef(l.getLessonKey(), l.getTitle(),
                                            l.getModule().getTitle()))
                                    .toList()))));
            return new ContentStatus.Coverage(framework.title().contains(framework.version()) ? framework.title()
                    : framework.title() + " (" + framework.version() + ")", rows);
        }).orElse(new ContentStatus.Coverage("", List.of()));
    }

    private static List<ContentStatus.SettingRow> settings(List<Lesson> live) {
        Map<String, Integer> counts = new HashMap<>();
        live.forEach(l -> counts.merge(l.getSetting() == null ? "not given" : l.getSetting(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ContentStatus.SettingRow(e.getKey(), e.getValue(),
                        Math.round(100f * e.getValue() / live.size()), e.getValue() > 0.25 * live.size()))
                .toList();
    }

    private ContentStatus.Figures figures(List<LearningModule> all, List<Lesson> live) {
        int words = 0;
        int questionCount = 0;
        int longest = 0;
        for (Lesson lesson : live) {
            words += readingWords(lesson.getReadingHtml());
            for (QuestionDefinition question : questions.read(lesson.getQuestionsJson())) {
                questionCount++;
                if (question.answerIsLongest()) {
                    longest++;
                }
            }
        }
        return new ContentStatus.Figures((int) all.stream().filter(LearningModule::isPublished).count(), live.size(),
                words, questionCount, longest);
    }

    private static final java.util.regex.Pattern SOURCES_HEADING =
            java.util.regex.Pattern.compile("<h2[^>]*>\\s*Sources\\s*</h2>", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Words in a rendered reading, up to its "Sources" heading. */
    static int readingWords(String html) {
        if (html == null) {
            return 0;
        }
        java.util.regex.Matcher sources = SOURCES_HEADING.matcher(html);
        int end = html.length();
        while (sources.find()) {
            end = sources.start();
        }
        return LessonRules.words(html.substring(0, end).replaceAll("<[^>]+>", " ").replaceAll("&#39;|&#x27;|&rsquo;", "'").replaceAll("&[a-z]+;|&#\\d+;", " "));
    }

    // ---------------------------------------------------------------- helpers

    private LearnerProgress.NextLesson nextLesson(List<Object[]> lessons, Set<Long> done, List<Object[]> completions) {
        // Continue in the module most recently worked in, if it has a lesson left; else the first lesson not done.
        Long recentModule = null;
        if (!completions.isEmpty()) {
            Long lastLesson = (Long) completions.get(0)[0];
            recentModule = lessons.stream().filter(r -> r[0].equals(lastLesson)).map(r -> (Long) r[3]).findFirst().orElse(null);
        }
        Long preferred = recentModule;
        return lessons.stream()
                .filter(r -> !done.contains((Long) r[0]))
                .sorted(Comparator.comparing((Object[] r) -> !Objects.equals(r[3], preferred)))
                .findFirst()
                .map(r -> new LearnerProgress.NextLesson((String) r[1], (String) r[2], (String) r[4], (String) r[5]))
                .orElse(null);
    }

    private LearningModule publishedModule(String key) {
        return em.createNamedQuery("LearningModule.findByKey", LearningModule.class)
                .setParameter("key", key == null ? "" : key)
                .getResultStream().filter(LearningModule::isPublished).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such module."));
    }

    private Lesson activeLesson(String key) {
        return em.createNamedQuery("Lesson.findByKey", Lesson.class)
                .setParameter("key", key == null ? "" : key)
                .getResultStream().filter(l -> l.isActive() && l.getModule().isPublished()).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such lesson."));
    }

    private Set<Long> completedLessonIds(long personId, long moduleId) {
        return new HashSet<>(em.createQuery(
                        "SELECT c.lesson.id FROM LessonCompletion c WHERE c.personId = :p AND c.lesson.module.id = :m", Long.class)
                .setParameter("p", personId).setParameter("m", moduleId).getResultList());
    }

    private static List<DimensionRef> dimensionsOf(Set<String> elementCodes, Map<String, DimensionRef> byElement) {
        return elementCodes.stream().map(byElement::get).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(DimensionRef::code)).toList();
    }

    private static Map<Long, Integer> counts(List<Object[]> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.put((Long) row[0], ((Number) row[1]).intValue()));
        return counts;
    }
}
