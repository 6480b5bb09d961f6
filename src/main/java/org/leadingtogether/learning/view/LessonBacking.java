package org.leadingtogether.learning.view;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.learning.LessonPage;
import org.leadingtogether.learning.QuestionDefinition;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's page ({@code ?id=<lesson id>}): reading, the knowledge check with feedback on each answer,
 * marking the lesson done, and private notes in answer to the reflection prompt. The right answers stay
 * on the server; the page only learns whether each answer was right after it is checked.
 */
@Named
@ViewScoped
public class LessonBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private LearningService learning;

    private String id;
    private LessonPage lesson;
    private String[] answers = new String[0];
    private boolean checked;
    private String result;
    private String note;

    public void load() {
        lesson = learning.getLesson(id);
        answers = new String[lesson.questions().size()];
        checked = false;
        result = null;
    }

    public List<SelectItem> options(int question) {
        List<SelectItem> items = new ArrayList<>();
        List<String> options = lesson.questions().get(question).optionTexts();
        for (int i = 0; i < options.size(); i++) {
            items.add(new SelectItem(String.valueOf(i), options.get(i)));
        }
        return items;
    }

    public void check() {
        checked = true;
        long right = countRight();
        result = right + " of " + lesson.questions().size() + " right."
                + (right < lesson.questions().size() ? " Read the explanations, change your answers and check again." : "");
    }

    /** After checking: whether the answer to a question was right (false when not answered). */
    public boolean isRight(int question) {
        QuestionDefinition definition = lesson.questions().get(question);
        return answers[question] != null && answers[question].equals(String.valueOf(definition.answer()));
    }

    /** After checking: why the option the learner chose is right or not (empty when the question gives no reasons). */
    public String chosenWhy(int question) {
        if (answers[question] == null) {
            return "";
        }
        int chosen = Integer.parseInt(answers[question]);
        List<QuestionDefinition.Option> options = lesson.questions().get(question).options();
        return chosen >= 0 && chosen < options.size() ? options.get(chosen).why() : "";
    }

    /** Whether the question's options carry reasons, shown one by one after checking. */
    public boolean hasReasons(int question) {
        return lesson.questions().get(question).options().stream().allMatch(QuestionDefinition.Option::hasWhy);
    }

    public boolean isAnswered(int question) {
        return answers[question] != null;
    }

    private long countRight() {
        long right = 0;
        for (int i = 0; i < answers.length; i++) {
            if (isRight(i)) {
                right++;
            }
        }
        return right;
    }

    public String complete() {
        String next = learning.completeLesson(id);
        if (next == null) {
            Messages.flashInfo("Lesson done. You have completed every lesson in " + lesson.moduleTitle() + ".");
            return "/learner/module?faces-redirect=true&id=" + lesson.moduleKey();
        }
        Messages.flashInfo("Lesson done: " + lesson.title() + ". Here is the next one.");
        return "/learner/lesson?faces-redirect=true&id=" + next;
    }

    public String saveNote() {
        learning.addNote(id, note);
        Messages.flashInfo("Your note is saved. Only you can read it.");
        return "/learner/lesson?faces-redirect=true&id=" + id;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LessonPage getLesson() {
        return lesson;
    }

    public String[] getAnswers() {
        return answers;
    }

    public boolean isChecked() {
        return checked;
    }

    /** What the last check found, e.g. "2 of 3 right."; empty before the first check. */
    public String getResult() {
        return result;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
