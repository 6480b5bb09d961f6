package org.leadingtogether.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;

/**
 * A learner's private note in answer to a lesson's reflection prompt. Only its author ever reads it.
 * The reflective journal will take these over; until then this is where a prompt leads.
 */
@Entity
@Table(name = "lesson_note")
public class LessonNote extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int TEXT_MAX = 10_000;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lesson_id")
    private Lesson lesson;

    @NotBlank(message = "Write something before saving.")
    @Size(max = TEXT_MAX, message = "Keep the note to {max} characters or fewer.")
    @Column(nullable = false)
    private String note;

    protected LessonNote() {
    }

    public LessonNote(long personId, Lesson lesson, String note) {
        this.personId = personId;
        this.lesson = lesson;
        this.note = note;
    }

    public long getPersonId() {
        return personId;
    }

    public Lesson getLesson() {
        return lesson;
    }

    public String getNote() {
        return note;
    }
}
