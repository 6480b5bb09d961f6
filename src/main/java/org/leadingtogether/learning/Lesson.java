package org.leadingtogether.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * A lesson of a module: reading (already rendered to safe HTML at import), an optional reflection prompt
 * and an optional knowledge check. Its key is stable across versions; a lesson dropped from its module is
 * retired (inactive), never deleted, so completions that point at it remain.
 */
@Entity
@Table(name = "lesson")
@NamedQuery(name = "Lesson.findByKey", query = "SELECT l FROM Lesson l JOIN FETCH l.module WHERE l.lessonKey = :key")
public class Lesson extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "module_id")
    private LearningModule module;

    @Column(name = "lesson_key", nullable = false, length = 100)
    private String lessonKey;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "reading_html")
    private String readingHtml;

    @Column(name = "reflection_prompt")
    private String reflectionPrompt;

    @Column(name = "questions_json")
    private String questionsJson;

    @Column(nullable = false)
    private boolean active = true;

    /** Where the lesson's case-study scene is set; {@code null} for a lesson imported before settings were kept. */
    @Column(length = 40)
    private String setting;

    /** The framework elements the lesson teaches: what its completion is evidence of. */
    @jakarta.persistence.ElementCollection(fetch = FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "lesson_element", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "element_code", length = 40)
    private java.util.Set<String> elementCodes = new java.util.LinkedHashSet<>();

    protected Lesson() {
    }

    Lesson(LearningModule module, String lessonKey) {
        this.module = module;
        this.lessonKey = lessonKey;
    }

    void update(LessonDefinition definition, int newPosition, String questions) {
        title = definition.title();
        minutes = definition.minutes();
        readingHtml = definition.readingHtml();
        reflectionPrompt = definition.reflectionPrompt();
        questionsJson = questions;
        position = newPosition;
        active = true;
        setting = definition.setting();
        elementCodes.clear();
        elementCodes.addAll(definition.elementCodes());
    }

    void retire() {
        active = false;
    }

    public LearningModule getModule() {
        return module;
    }

    public String getLessonKey() {
        return lessonKey;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public int getMinutes() {
        return minutes;
    }

    public String getReadingHtml() {
        return readingHtml;
    }

    public String getReflectionPrompt() {
        return reflectionPrompt;
    }

    public String getQuestionsJson() {
        return questionsJson;
    }

    public String getSetting() {
        return setting;
    }

    public java.util.Set<String> getElementCodes() {
        return elementCodes;
    }

    public boolean isActive() {
        return active;
    }
}
