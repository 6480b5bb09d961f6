package org.leadingtogether.learning;

import java.io.Serializable;
import java.util.Map;

/**
 * A learner's progress as of now: lessons done across all published modules, the next lesson to take,
 * and the evidence per framework element (how many completed lessons develop it).
 */
public record LearnerProgress(int lessonsDone, int lessonsTotal, int modulesDone, int modulesTotal,
                              NextLesson next, Map<String, Integer> evidenceByElement) implements Serializable {

    /** The lesson to continue with, and its module. */
    public record NextLesson(String lessonKey, String lessonTitle, String moduleKey, String moduleTitle)
            implements Serializable {
    }

    public int percent() {
        return Progress.percent(lessonsDone, lessonsTotal);
    }

    public boolean hasNext() {
        return next != null;
    }
}
