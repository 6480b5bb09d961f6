package org.leadingtogether.learning;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the administrator sees of content: the last import with its problems (errors keep a module back,
 * warnings do not), every module with its version, which lessons teach each element of the active framework,
 * how many lessons are set in each setting, and the figures of the library as it is live.
 */
public record ContentStatus(Instant lastImport, String trigger, String contentDir, int errorCount,
                            List<Problem> problems, List<ModuleRow> modules, int warningCount,
                            Coverage coverage, List<SettingRow> settings, Figures figures) implements Serializable {

    /** A status with no import yet, or without the library-wide views. */
    public ContentStatus(Instant lastImport, String trigger, String contentDir, int errorCount,
                         List<Problem> problems, List<ModuleRow> modules) {
        this(lastImport, trigger, contentDir, errorCount, problems, modules, 0, Coverage.NONE, List.of(), Figures.NONE);
    }

    /** A problem in a file; {@code warning} when it kept nothing back. */
    public record Problem(String path, int line, String message, boolean warning) implements Serializable {

        public Problem(String path, int line, String message) {
            this(path, line, message, false);
        }
    }

    /** A module as imported. */
    public record ModuleRow(String key, String title, int version, int lessons, boolean published, String path)
            implements Serializable {
    }

    /**
     * Which live lessons teach each element of the active framework.
     *
     * @param framework the active framework's title and version, or empty when none is active
     */
    public record Coverage(String framework, List<ElementRow> elements) implements Serializable {

        static final Coverage NONE = new Coverage("", List.of());

        public long covered() {
            return elements.stream().filter(e -> !e.lessons().isEmpty()).count();
        }

        public List<ElementRow> uncovered() {
            return elements.stream().filter(e -> e.lessons().isEmpty()).toList();
        }
    }

    /** An element of the active framework, under its dimension or principle, and the lessons that teach it. */
    public record ElementRow(String dimension, String code, String name, List<LessonRef> lessons)
            implements Serializable {
    }

    /** A live lesson, with its module's title. */
    public record LessonRef(String key, String title, String moduleTitle) implements Serializable {
    }

    /** How many live lessons are set in one setting, and whether that is more than a quarter of them. */
    public record SettingRow(String setting, int lessons, int percent, boolean over) implements Serializable {
    }

    /**
     * The live library in figures.
     *
     * @param longestAnswers questions whose right answer is longer than every other option
     */
    public record Figures(int modules, int lessons, int words, int questions, int longestAnswers)
            implements Serializable {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0);

        public int longestAnswerPercent() {
            return questions == 0 ? 0 : Math.round(100f * longestAnswers / questions);
        }
    }
}
