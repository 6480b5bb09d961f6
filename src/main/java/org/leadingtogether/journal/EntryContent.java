package org.leadingtogether.journal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an entry says, in plain text: what the author writes and reads back. Only ever held in memory;
 * {@link JournalEntry} keeps the text fields sealed.
 *
 * @param stages one text per stage of {@code model}, in order
 * @param learned what I learned
 * @param change what I will do differently
 * @param lessonKey the lesson the entry was started from, if any
 * @param sessionId the coaching session it reflects on, if any
 */
public record EntryContent(String title, LocalDate eventDate, EntryKind kind, ReflectionModel model, List<String> stages,
                           String learned, String change, Set<String> elementCodes, Set<NmcTheme> themes,
                           BigDecimal cpdHours, boolean participatory, String lessonKey, Long sessionId)
        implements Serializable {

    public EntryContent {
        model = model == null ? ReflectionModel.FREE : model;
        stages = stages == null ? List.of() : List.copyOf(stages.stream().map(s -> s == null ? "" : s).toList());
        elementCodes = elementCodes == null ? Set.of() : Set.copyOf(elementCodes);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }

    /** The text of a stage, or "" when there is none. */
    public String stage(int index) {
        return index >= 0 && index < stages.size() ? stages.get(index) : "";
    }

    /** The NMC Code themes in the Code's order, for pages. */
    public List<NmcTheme> themeList() {
        return themes.stream().sorted().toList();
    }

    /** Every piece of text the author wrote, for searching: title, stages, learned, change. */
    public String allText() {
        StringBuilder all = new StringBuilder(nullToEmpty(title));
        stages.forEach(s -> all.append('\n').append(s));
        return all.append('\n').append(nullToEmpty(learned)).append('\n').append(nullToEmpty(change)).toString();
    }

    /** What was learned, or the model's own stage for it when the field was left empty. */
    public String learnedOrStage() {
        return isBlank(learned) ? stage(model.learnedStage()) : learned;
    }

    /** What will change, or the model's own stage for it when the field was left empty. */
    public String changeOrStage() {
        return isBlank(change) ? stage(model.changeStage()) : change;
    }

    /** Hours that count as participatory CPD: all of them when the activity was participatory, else none. */
    public BigDecimal participatoryHours() {
        return cpdHours == null || !participatory ? BigDecimal.ZERO : cpdHours;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
