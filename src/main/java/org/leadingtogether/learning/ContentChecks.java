package org.leadingtogether.learning;

import org.leadingtogether.framework.DimensionDefinition;
import org.leadingtogether.framework.ElementDefinition;
import org.leadingtogether.framework.FrameworkDefinition;
import org.leadingtogether.platform.content.ContentError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checks that look across the whole library rather than at one file: whether every element of the active
 * framework is taught by some lesson, whether one setting is in too many lessons, whether a module's right
 * answers give themselves away by being the longest option, and whether each lesson names an element of the
 * active framework. All of them warn; none keeps content back, because a gap in the library is something to write,
 * not a reason to hide what is there.
 */
public final class ContentChecks {

    /** Above this share of the library's lessons, one setting is said to dominate. */
    static final double SETTING_SHARE_MAX = 0.25;

    /** Below this many lessons, a quarter is less than two lessons and the share of a setting says nothing. */
    static final int SETTING_CHECK_FROM = 8;

    /** Above this share of a module's questions, right answers that are the longest option are reported. */
    static final double LONGEST_ANSWER_SHARE_MAX = 1.0 / 3;

    private ContentChecks() {
    }

    /** Every warning for the library as read. */
    public static List<ContentError> warnings(ContentSnapshot snapshot) {
        List<ContentError> warnings = new ArrayList<>();
        Optional<FrameworkDefinition> active = snapshot.frameworks().stream().filter(FrameworkDefinition::active)
                .findFirst();
        active.ifPresent(framework -> {
            coverage(framework, snapshot.modules()).forEach((element, lessons) -> {
                if (lessons.isEmpty()) {
                    warnings.add(new ContentError(framework.path(), 0, "No lesson teaches " + element.code() + " "
                            + element.name() + "; tag a lesson that does with it, or write one."));
                }
            });
            for (ModuleDefinition module : snapshot.modules()) {
                moduleElementsWarning(module, framework).ifPresent(warnings::add);
                for (LessonDefinition lesson : module.lessons()) {
                    if (lesson.elementCodes().stream().noneMatch(framework.elementCodes()::contains)) {
                        warnings.add(new ContentError(lesson.path(), 0, "The lesson names no element of the active"
                                + " framework (" + framework.shortTitle() + "); add the ones it teaches."));
                    }
                }
            }
        });
        settingsWarning(snapshot.modules()).ifPresent(warnings::add);
        for (ModuleDefinition module : snapshot.modules()) {
            longestAnswerWarning(module).ifPresent(warnings::add);
        }
        return warnings;
    }

    /**
     * A module's {@code elements} should include every element of the active framework its lessons teach, so that
     * the catalogue's filter by dimension finds it. Elements of earlier editions a module lists are its own choice.
     */
    private static Optional<ContentError> moduleElementsWarning(ModuleDefinition module, FrameworkDefinition framework) {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        module.lessons().forEach(lesson -> lesson.elementCodes().stream()
                .filter(framework.elementCodes()::contains)
                .filter(code -> !module.elementCodes().contains(code))
                .forEach(missing::add));
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentError(module.path(), 0, "The module's 'elements' should include every element"
                + " of the active framework its lessons teach; add " + String.join(", ", missing) + "."));
    }

    /** Each element of the framework, in file order, with the lessons (module title, lesson) that teach it. */
    public static Map<ElementDefinition, List<String>> coverage(FrameworkDefinition framework,
                                                                 List<ModuleDefinition> modules) {
        Map<ElementDefinition, List<String>> coverage = new LinkedHashMap<>();
        for (DimensionDefinition dimension : framework.dimensions()) {
            for (ElementDefinition element : dimension.elements()) {
                List<String> lessons = new ArrayList<>();
                modules.forEach(module -> module.lessons().stream()
                        .filter(lesson -> lesson.elementCodes().contains(element.code()))
                        .forEach(lesson -> lessons.add(lesson.key())));
                coverage.put(element, lessons);
            }
        }
        return coverage;
    }

    /** How many lessons are set in each setting, most first (then by name). */
    public static Map<String, Integer> settingCounts(List<ModuleDefinition> modules) {
        Map<String, Integer> counts = new TreeMap<>();
        modules.forEach(module -> module.lessons().forEach(lesson -> {
            if (lesson.setting() != null) {
                counts.merge(lesson.setting(), 1, Integer::sum);
            }
        }));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static Optional<ContentError> settingsWarning(List<ModuleDefinition> modules) {
        int lessons = modules.stream().mapToInt(m -> m.lessons().size()).sum();
        if (lessons < SETTING_CHECK_FROM) {
            return Optional.empty();
        }
        List<String> over = new ArrayList<>();
        settingCounts(modules).forEach((setting, count) -> {
            if (count > SETTING_SHARE_MAX * lessons) {
                over.add("'" + setting + "' (" + count + " of " + lessons + " lessons)");
            }
        });
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentError("modules", 0, "More than a quarter of the lessons are set in "
                + String.join(" and in ", over) + "; set some of them somewhere else."));
    }

    /** The share of a module's questions whose right answer is its longest option, or empty for no questions. */
    public static Optional<Double> longestAnswerShare(ModuleDefinition module) {
        int questions = 0;
        int longest = 0;
        for (LessonDefinition lesson : module.lessons()) {
            for (QuestionDefinition question : lesson.questions()) {
                questions++;
                if (question.answerIsLongest()) {
                    longest++;
                }
            }
        }
        return questions == 0 ? Optional.empty() : Optional.of((double) longest / questions);
    }

    private static Optional<ContentError> longestAnswerWarning(ModuleDefinition module) {
        int questions = module.lessons().stream().mapToInt(l -> l.questions().size()).sum();
        long longest = module.lessons().stream().flatMap(l -> l.questions().stream())
                .filter(QuestionDefinition::answerIsLongest).count();
        if (questions == 0 || longest <= LONGEST_ANSWER_SHARE_MAX * questions) {
            return Optional.empty();
        }
        return Optional.of(new ContentError(module.path(), 0, "In " + longest + " of " + questions + " questions the"
                + " right answer is the longest option, more than a third; a learner can guess by length. Make the"
                + " options similar in length."));
    }
}
