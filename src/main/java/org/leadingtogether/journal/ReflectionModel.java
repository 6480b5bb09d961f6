package org.leadingtogether.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways an entry can be written: free text, or a reflective model with one field per stage. Each stage
 * has a label and a one-line hint shown under it. The stages are data in code on purpose: a model is a
 * fixed, published structure (Gibbs 1988; Rolfe and colleagues 2001), not something an administrator edits.
 *
 * <p>Each model also says which of its stages can stand in for the parts of the NMC reflective account
 * form when the author has left "what I learned" or "what I will do differently" empty, so an export is
 * never blank where the reflection already answers the question.
 */
public enum ReflectionModel {

    FREE("Free text", "Write in your own way, as long or as short as helps you.", 0, -1, -1,
            new Stage("reflection", "Your reflection", "What happened, what it meant to you, and what you make of it now.")),

    GIBBS("Gibbs reflective cycle", "Six stages, from what happened to what you will do next time.", 0, 4, 5,
            new Stage("description", "Description", "What happened? Give the facts: where, when, your part, and others' roles without naming anyone."),
            new Stage("feelings", "Feelings", "What were you thinking and feeling at the time, and afterwards?"),
            new Stage("evaluation", "Evaluation", "What went well, and what went less well?"),
            new Stage("analysis", "Analysis", "Why did it go as it did? What helps you make sense of it: evidence, theory, colleagues' views?"),
            new Stage("conclusion", "Conclusion", "What else could you have done, and what have you learned about yourself or the system?"),
            new Stage("actionPlan", "Action plan", "If it happened again, what would you do? What will you do next, and by when?")),

    ROLFE("What? So what? Now what?", "Three questions: what happened, why it matters, and what you will do.", 0, 1, 2,
            new Stage("what", "What?", "Describe the situation: what happened, and what was your part in it?"),
            new Stage("soWhat", "So what?", "What does it mean? What does it tell you about you, your team or the wider system?"),
            new Stage("nowWhat", "Now what?", "What will you do now, and what would help you to do it?"));

    /** One part of a model: a key for the page, the label above the field and the hint under it. */
    public record Stage(String key, String label, String hint) {
    }

    private final String label;
    private final String description;
    private final int natureStage;
    private final int learnedStage;
    private final int changeStage;
    private final List<Stage> stages;

    ReflectionModel(String label, String description, int natureStage, int learnedStage, int changeStage, Stage... stages) {
        this.label = label;
        this.description = description;
        this.natureStage = natureStage;
        this.learnedStage = learnedStage;
        this.changeStage = changeStage;
        this.stages = List.of(stages);
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }

    public List<Stage> getStages() {
        return stages;
    }

    /** The stage that describes what happened: the "nature of the activity or event" on the NMC form. */
    public int natureStage() {
        return natureStage;
    }

    /** The stage that says what was learned, or -1 when the model has none. */
    public int learnedStage() {
        return learnedStage;
    }

    /** The stage that says what will change, or -1 when the model has none. */
    public int changeStage() {
        return changeStage;
    }

    /**
     * The stage texts when the author switches from one model to another, so nothing they typed is lost:
     * texts keep their position; what does not fit is added to the last stage of the new model, each part
     * under the label of the stage it came from. Always returns exactly as many texts as the new model
     * has stages (empty strings for stages with nothing yet).
     */
    public static List<String> carryOver(ReflectionModel from, List<String> texts, ReflectionModel to) {
        int size = to.stages.size();
        List<String> given = texts == null ? List.of() : texts;
        List<String> result = new ArrayList<>(size);
        for (int i = 0; i < size - 1; i++) {
            result.add(textAt(given, i));
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = size - 1; i < given.size(); i++) {
            if (!textAt(given, i).isBlank()) {
                rest.add(i);
            }
        }
        if (rest.isEmpty()) {
            result.add("");
        } else if (rest.size() == 1 && rest.get(0) == size - 1) {
            result.add(textAt(given, size - 1));
        } else {
            StringBuilder last = new StringBuilder();
            for (int i : rest) {
                if (!last.isEmpty()) {
                    last.append("\n\n");
                }
                if (from != null && i < from.stages.size()) {
                    last.append(from.stages.get(i).label()).append('\n');
                }
                last.append(textAt(given, i).strip());
            }
            result.add(last.toString());
        }
        return result;
    }

    private static String textAt(List<String> texts, int index) {
        return index < texts.size() && texts.get(index) != null ? texts.get(index) : "";
    }
}
