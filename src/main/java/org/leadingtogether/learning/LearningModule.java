package org.leadingtogether.learning;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A learning module as last imported from its files. {@link #update} applies a newer version: lessons are
 * matched by their stable ids, so learners keep their progress; lessons no longer listed are retired.
 */
@Entity
@Table(name = "learning_module")
@NamedQuery(name = "LearningModule.findByKey", query = "SELECT m FROM LearningModule m WHERE m.moduleKey = :key")
@NamedQuery(name = "LearningModule.findAll", query = "SELECT m FROM LearningModule m ORDER BY m.title")
public class LearningModule extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "module_key", nullable = false, length = 100)
    private String moduleKey;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 500)
    private String summary;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "content_version", nullable = false)
    private int contentVersion;

    @Column(name = "intro_html")
    private String introHtml;

    @Column(name = "source_path", length = 300)
    private String sourcePath;

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(nullable = false)
    private boolean published = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "learning_module_element", joinColumns = @JoinColumn(name = "module_id"))
    @Column(name = "element_code", length = 40)
    private Set<String> elementCodes = new LinkedHashSet<>();

    @OneToMany(mappedBy = "module", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Lesson> lessons = new ArrayList<>();

    protected LearningModule() {
    }

    public LearningModule(String moduleKey) {
        this.moduleKey = moduleKey;
    }

    /** Whether the files differ from what was imported last. */
    public boolean differsFrom(ModuleDefinition definition) {
        return !definition.contentHash().equals(contentHash) || !published;
    }

    /** Applies a valid definition: texts, elements, lessons by id (new ones added, missing ones retired). */
    public void update(ModuleDefinition definition, QuestionsCodec questions) {
        title = definition.title();
        summary = definition.summary();
        minutes = definition.minutes();
        contentVersion = definition.version();
        introHtml = definition.introHtml();
        sourcePath = definition.path();
        contentHash = definition.contentHash();
        published = true;
        elementCodes.clear();
        elementCodes.addAll(definition.elementCodes());
        Set<String> listed = new LinkedHashSet<>();
        int position = 0;
        for (LessonDefinition lessonDefinition : definition.lessons()) {
            listed.add(lessonDefinition.key());
            Lesson lesson = lessons.stream().filter(l -> l.getLessonKey().equals(lessonDefinition.key())).findFirst()
                    .orElseGet(() -> {
                        Lesson created = new Lesson(this, lessonDefinition.key());
                        lessons.add(created);
                        return created;
                    });
            lesson.update(lessonDefinition, position++, questions.write(lessonDefinition.questions()));
        }
        lessons.stream().filter(l -> !listed.contains(l.getLessonKey())).forEach(Lesson::retire);
    }

    /** Taken off the catalogue (its folder is gone); learners' records stay. */
    public void unpublish() {
        published = false;
    }

    public List<Lesson> getActiveLessons() {
        return lessons.stream().filter(Lesson::isActive).toList();
    }

    public String getModuleKey() {
        return moduleKey;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public int getMinutes() {
        return minutes;
    }

    public int getContentVersion() {
        return contentVersion;
    }

    public String getIntroHtml() {
        return introHtml;
    }

    public String getSourcePath() {
        return sourcePath;
    }

    public boolean isPublished() {
        return published;
    }

    public Set<String> getElementCodes() {
        return elementCodes;
    }

    public List<Lesson> getLessons() {
        return lessons;
    }
}
