package org.leadingtogether.learning;

import org.leadingtogether.framework.DimensionRef;

import java.io.Serializable;
import java.util.List;

/** A module's page: its introduction and lessons in order, with the caller's progress. */
public record ModulePage(String key, String title, String summary, String introHtml, int minutes, int version,
                         List<LessonRow> lessons, List<DimensionRef> dimensions) implements Serializable {

    /** One lesson in the module's list. */
    public record LessonRow(String key, String title, int minutes, boolean done) implements Serializable {
    }

    public int done() {
        return (int) lessons.stream().filter(LessonRow::done).count();
    }

    public int percent() {
        return Progress.percent(done(), lessons.size());
    }

    /** Where to continue: the first lesson not done, or the first lesson when all are done. */
    public String continueKey() {
        return lessons.stream().filter(l -> !l.done()).findFirst().or(() -> lessons.stream().findFirst())
                .map(LessonRow::key).orElse(null);
    }

    public boolean started() {
        return done() > 0;
    }
}
