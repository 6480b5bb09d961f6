package org.leadingtogether.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.LocalDate;

/**
 * A 360 round of a programme, such as "At the start" and "At the end": the learners of the programme's cohorts
 * open their own 360 in it between {@link #getOpensOn()} and {@link #getClosesOn()}; raters answer until the end of
 * the closing day (London time), when every link stops working and reports become available. The first and last
 * rounds (by closing date) are what the programme impact report compares.
 */
@Entity
@Table(name = "feedback_round")
@NamedQuery(name = "FeedbackRound.findByProgramme",
        query = "SELECT r FROM FeedbackRound r WHERE r.programmeId = :programme ORDER BY r.closesOn, r.id")
public class FeedbackRound extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 100;
    /** The fewest raters a programme may ask for: fewer could not be reported without pointing at someone. */
    public static final int MIN_RATERS_LEAST = 3;

    @Column(name = "programme_id", nullable = false, updatable = false)
    private long programmeId;

    @NotBlank(message = "Enter the round's name, such as 'At the start'.")
    @Size(max = NAME_MAX, message = "Keep the name to {max} characters or fewer.")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @NotNull(message = "Enter the day the round opens.")
    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @NotNull(message = "Enter the closing date.")
    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    @Min(value = MIN_RATERS_LEAST, message = "Ask for at least {value} raters, so that answers can be combined.")
    @Max(value = RaterList.MAX_RATERS, message = "Ask for {value} raters or fewer: a round has at most {value}.")
    @Column(name = "min_raters", nullable = false)
    private int minRaters = 6;

    protected FeedbackRound() {
    }

    /** A blank round for the manager's form. */
    public static FeedbackRound blank() {
        return new FeedbackRound();
    }

    FeedbackRound(long programmeId) {
        this.programmeId = programmeId;
    }

    /** Takes the form's values; the closing date must not be before the opening date. */
    void update(FeedbackRound form) {
        if (form.opensOn != null && form.closesOn != null && form.closesOn.isBefore(form.opensOn)) {
            throw new BusinessException("closesOn", "The closing date must be on or after the day the round opens.");
        }
        name = form.name == null ? null : form.name.strip();
        opensOn = form.opensOn;
        closesOn = form.closesOn;
        minRaters = form.minRaters;
    }

    /** Whether learners may open their 360 and raters answer on {@code today}. */
    public boolean isOpenOn(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Whether the round has closed by {@code today}: reports are ready, links no longer work. */
    public boolean isClosedOn(LocalDate today) {
        return today.isAfter(closesOn);
    }

    public long getProgrammeId() {
        return programmeId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public int getMinRaters() {
        return minRaters;
    }

    public void setMinRaters(int minRaters) {
        this.minRaters = minRaters;
    }
}
