package org.leadingtogether.learning;

import java.io.Serializable;
import java.util.List;

/**
 * One question of a lesson's knowledge check.
 *
 * @param question    the question as asked
 * @param options     the choices in file order, at least two, each with why it is right or not
 * @param answer      the zero-based position of the right option in {@code options}
 * @param explanation a sentence or two summing up, shown after answering
 */
public record QuestionDefinition(String question, List<Option> options, int answer, String explanation)
        implements Serializable {

    public QuestionDefinition {
        options = List.copyOf(options);
    }

    /**
     * One choice.
     *
     * @param text the choice as shown
     * @param why  why it is right or not right; empty for a question written in the earlier form, without reasons
     */
    public record Option(String text, String why) implements Serializable {

        public Option {
            why = why == null ? "" : why;
        }

        public boolean hasWhy() {
            return !why.isBlank();
        }
    }

    /** A question whose options carry no reasons (the earlier form of lesson files). */
    public static QuestionDefinition withoutReasons(String question, List<String> options, int answer,
                                                    String explanation) {
        return new QuestionDefinition(question, options.stream().map(text -> new Option(text, "")).toList(), answer,
                explanation);
    }

    /** The options' texts in order. */
    public List<String> optionTexts() {
        return options.stream().map(Option::text).toList();
    }

    /**
     * Whether the right answer is longer than every other option: a habit of question writers that lets a learner
     * guess without thinking, so the content checks count it.
     */
    public boolean answerIsLongest() {
        int length = options.get(answer).text().length();
        for (int i = 0; i < options.size(); i++) {
            if (i != answer && options.get(i).text().length() >= length) {
                return false;
            }
        }
        return true;
    }
}
