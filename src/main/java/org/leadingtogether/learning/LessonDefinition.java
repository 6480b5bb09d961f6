package org.leadingtogether.learning;

import java.util.List;

/**
 * One lesson of a module as read from {@code lessons/<lesson-id>.md}, already checked.
 *
 * @param key              the lesson id, unique across all modules, by which progress is recorded
 * @param title            the title
 * @param minutes          the expected time to complete it
 * @param readingHtml      the reading, rendered to safe HTML (its "Sources" section included)
 * @param reflectionPrompt the reflection prompt, or {@code null} when the lesson has none
 * @param questions        the knowledge check in file order; empty when the lesson has none
 * @param path             the lesson file, relative to the content root
 * @param setting          where the lesson's case-study scene is set (one of {@link LessonRules#SETTINGS})
 * @param elementCodes     the framework elements the lesson teaches, in file order
 * @param sources          the items of its "Sources" section, as written
 * @param words            the number of words in the reading before "Sources"
 */
public record LessonDefinition(String key, String title, int minutes, String readingHtml, String reflectionPrompt,
                               List<QuestionDefinition> questions, String path, String setting,
                               List<String> elementCodes, List<String> sources, int words) {

    public LessonDefinition {
        questions = List.copyOf(questions);
        elementCodes = List.copyOf(elementCodes);
        sources = List.copyOf(sources);
    }
}
