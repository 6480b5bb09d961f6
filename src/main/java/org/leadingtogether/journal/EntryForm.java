package org.leadingtogether.journal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the writing page edits: one entry's fields in plain text, held by the page between requests. The
 * service checks it on every save; {@link #version} is the entry's version when the page last saved or loaded
 * it, so two windows on the same entry cannot silently overwrite each other.
 */
public class EntryForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;
    private String title;
    private LocalDate eventDate;
    private EntryKind kind;
    private ReflectionModel model = ReflectionModel.GIBBS;
    private List<String> stages = blankStages(ReflectionModel.GIBBS);
    private String learned;
    private String change;
    private List<String> elementCodes = new ArrayList<>();
    private List<NmcTheme> themes = new ArrayList<>();
    private BigDecimal cpdHours;
    private boolean participatory;
    private String lessonKey;
    private Long sessionId;

    /** The form for an entry as stored. */
    public static EntryForm of(long id, int version, EntryContent content) {
        EntryForm form = new EntryForm();
        form.id = id;
        form.version = version;
        form.title = content.title();
        form.eventDate = content.eventDate();
        form.kind = content.kind();
        form.model = content.model();
        form.stages = new ArrayList<>(ReflectionModel.carryOver(content.model(), content.stages(), content.model()));
        form.learned = content.learned();
        form.change = content.change();
        form.elementCodes = new ArrayList<>(content.elementCodes().stream().sorted().toList());
        form.themes = new ArrayList<>(content.themes().stream().sorted().toList());
        form.cpdHours = content.cpdHours();
        form.participatory = content.participatory();
        form.lessonKey = content.lessonKey();
        form.sessionId = content.sessionId();
        return form;
    }

    /** What the form says, as content to check and store. */
    public EntryContent toContent() {
        return new EntryContent(strip(title), eventDate, kind, model,
                ReflectionModel.carryOver(model, stages, model), learned, change,
                new LinkedHashSet<>(elementCodes), themes.isEmpty() ? EnumSet.noneOf(NmcTheme.class) : EnumSet.copyOf(themes),
                cpdHours, participatory, lessonKey, sessionId);
    }

    /** Switches to another model, carrying over whatever has been written so nothing is lost. */
    public void changeModel(ReflectionModel to) {
        ReflectionModel target = to == null ? ReflectionModel.FREE : to;
        stages = new ArrayList<>(ReflectionModel.carryOver(model, stages, target));
        model = target;
    }

    /** Whether anything at all has been written or chosen: an empty new form is not worth a draft. */
    public boolean isEmpty() {
        return id == null && isBlank(title) && stages.stream().allMatch(EntryForm::isBlank) && isBlank(learned) && isBlank(change)
                && elementCodes.isEmpty() && themes.isEmpty() && cpdHours == null;
    }

    private static List<String> blankStages(ReflectionModel model) {
        List<String> blank = new ArrayList<>();
        model.getStages().forEach(s -> blank.add(""));
        return blank;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public void setEventDate(LocalDate eventDate) {
        this.eventDate = eventDate;
    }

    public EntryKind getKind() {
        return kind;
    }

    public void setKind(EntryKind kind) {
        this.kind = kind;
    }

    public ReflectionModel getModel() {
        return model;
    }

    public List<String> getStages() {
        return stages;
    }

    public void setStages(List<String> stages) {
        this.stages = stages == null ? new ArrayList<>() : new ArrayList<>(stages);
    }

    public String getLearned() {
        return learned;
    }

    public void setLearned(String learned) {
        this.learned = learned;
    }

    public String getChange() {
        return change;
    }

    public void setChange(String change) {
        this.change = change;
    }

    public List<String> getElementCodes() {
        return elementCodes;
    }

    public void setElementCodes(List<String> elementCodes) {
        this.elementCodes = elementCodes == null ? new ArrayList<>() : new ArrayList<>(elementCodes);
    }

    public List<NmcTheme> getThemes() {
        return themes;
    }

    public void setThemes(List<NmcTheme> themes) {
        this.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
    }

    public BigDecimal getCpdHours() {
        return cpdHours;
    }

    public void setCpdHours(BigDecimal cpdHours) {
        this.cpdHours = cpdHours;
    }

    public boolean isParticipatory() {
        return participatory;
    }

    public void setParticipatory(boolean participatory) {
        this.participatory = participatory;
    }

    public String getLessonKey() {
        return lessonKey;
    }

    public void setLessonKey(String lessonKey) {
        this.lessonKey = lessonKey;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }
}
