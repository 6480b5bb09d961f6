package org.leadingtogether.learning;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A lesson as its page shows it, with the caller's own notes on it. */
public record LessonPage(String key, String title, int minutes, String readingHtml, String reflectionPrompt,
                         List<QuestionDefinition> questions, boolean done, String moduleKey, String moduleTitle,
                         int number, int count, String previousKey, String nextKey, List<Note> notes)
        implements Serializable {

    /** One of the caller's notes. */
    public record Note(Instant written, String text) implements Serializable {
    }

    public boolean hasCheck() {
        return !questions.isEmpty();
    }
}
