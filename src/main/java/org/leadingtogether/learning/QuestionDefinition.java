package org.leadingtogether.learning;

import java.io.Serializable;
import java.util.List;

/**
 * One question of a lesson's knowledge check.
 *
 * @param question    the question as asked
 * @param options     the choices in file order, at least two
 * @param answer      the zero-based position of the right option in {@code options}
 * @param explanation why the right answer is right, shown after answering
 */
public record QuestionDefinition(String question, List<String> options, int answer, String explanation) implements Serializable {

    public QuestionDefinition {
        options = List.copyOf(options);
    }
}
