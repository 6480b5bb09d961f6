package org.leadingtogether.learning;

import java.util.List;

/**
 * One lesson of a module as read from {@code lessons/<lesson-id>.md}, already checked.
 *
 * @param key              the lesson id, unique across all modules, by which progress is recorded
 * @param title            the title
 * @param minutes          the expected time to complete it
 * @param readingHtml      the reading, rendered to safe HTML
 * @param reflectionPrompt the reflection prompt, or {@code null} when the lesson has none
 * @param questions        the knowledge check in file order; empty when the lesson has none
 * @param path             the lesson file, relative to the content root
 */
public record LessonDefinition(String key, String title, int minutes, String readingHtml, String reflectionPrompt,
                               List<QuestionDefinition> questions, String path) {

    public LessonDefinition {
        questions = List.copyOf(questions);
    }
}
