package org.leadingtogether.cohort;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A cohort of a programme: dates, a capacity (its places), and the programme managers responsible for it (besides
 * those of the programme). Enrolment checks the capacity under a lock on this row, so two managers
 * enrolling at once cannot overfill it; a change of places takes the same lock, so it never goes below the
 * members counted under it.
 */
@Entity
@Table(name = "cohort")
public class Cohort extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 200;

    /** The most places a cohort can have. */
    public static final int PLACES_MAX = 5000;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @NotBlank(message = "Enter the cohort's name.")
    @Size(max = NAME_MAX, message = "Keep the name to {max} characters or fewer.")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @NotNull(message = "Enter the start date.")
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @NotNull(message = "Enter the end date.")
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Min(value = 1, message = "A cohort needs at least one place.")
    @Max(value = PLACES_MAX, message = "Enter {value} or fewer.")
    @Column(nullable = false)
    private int capacity = 24;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cohort_manager", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "person_id")
    private Set<Long> managers = new LinkedHashSet<>();

    /**
     * When each of the programme's required modules is due in this cohort, where the manager set a date: by module key.
     * Read through {@link ProgrammeStandings} for the pages (one statement for many people), changed here only.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "cohort_module_due", joinColumns = @JoinColumn(name = "cohort_id"))
    @MapKeyColumn(name = "module_key", length = 100)
    @Column(name = "due_date", nullable = false)
    private Map<String, LocalDate> dueDates = new HashMap<>();

    protected Cohort() {
    }

    public Cohort(Programme programme) {
        this.programme = programme;
        this.startDate = programme.getStartDate();
        this.endDate = programme.getEndDate();
    }

    /** A blank cohort for a form. */
    public static Cohort blank() {
        return new Cohort();
    }

    public void checkDates() {
        Programme.checkOrder(startDate, endDate, "cohortEnd");
    }

    /** Refuses one more member when every place is taken, with a link to where the places are changed. */
    public void checkRoomFor(long activeMembers, int joining) {
        if (activeMembers + joining > capacity) {
            long free = Math.max(0, capacity - activeMembers);
            throw new CohortFullException(getId(), "The cohort has " + free + (free == 1 ? " place" : " places") + " left of "
                    + capacity + "; " + joining + (joining == 1 ? " person does" : " people do") + " not fit. Raise its number of places first, or"
                    + " withdraw someone.");
        }
    }

    /**
     * Changes the places and the dates. The places never go below the members enrolled or completed now
     * ({@code activeMembers}, counted under this row's lock): those people keep their places, and a manager who
     * wants fewer withdraws or defers someone first. The end is never before the start. Messages sit at the form's
     * fields ({@code capacity}, {@code endDate}).
     */
    public void changePlacesAndDates(int places, LocalDate start, LocalDate end, long activeMembers) {
        if (start == null) {
            throw new BusinessException("startDate", "Enter the start date.");
        }
        if (end == null) {
            throw new BusinessException("endDate", "Enter the end date.");
        }
        Programme.checkOrder(start, end, "endDate");
        if (places < 1) {
            throw new BusinessException("capacity", "A cohort needs at least one place.");
        }
        if (places > PLACES_MAX) {
            throw new BusinessException("capacity", "Enter " + PLACES_MAX + " or fewer.");
        }
        if (places < activeMembers) {
            // Two or more: a cohort has at least one place.
            throw new BusinessException("capacity", activeMembers + " people are enrolled, so the cohort needs at least "
                    + activeMembers + " places. To go lower, withdraw or defer members first.");
        }
        for (Map.Entry<String, LocalDate> due : dueDates.entrySet()) {
            if (due.getValue().isBefore(start) || due.getValue().isAfter(end)) {
                throw new BusinessException(due.getValue().isBefore(start) ? "startDate" : "endDate", "A required module is due on "
                        + DAY.format(due.getValue()) + ", outside these dates. Change its due date below first.");
            }
        }
        this.capacity = places;
        this.startDate = start;
        this.endDate = end;
    }

    /**
     * Sets when the programme's required modules are due ({@code null} or absent: no date). Each date must fall within
     * the cohort's dates ({@link #dueDateProblem}), so the pace a learner is asked for is one the cohort allows; a date
     * for a module the programme does not require is refused. Nothing is changed unless every date is right.
     *
     * @param titles the programme's required modules: title by module key
     */
    public void changeDueDates(Map<String, LocalDate> dates, Map<String, String> titles) {
        Map<String, LocalDate> checked = new HashMap<>();
        for (Map.Entry<String, LocalDate> due : dates.entrySet()) {
            if (due.getValue() == null) {
                continue;
            }
            if (!titles.containsKey(due.getKey())) {
                throw new BusinessException("That module is not required by the programme, so it cannot have a due date here.");
            }
            dueDateProblem(due.getValue(), titles.get(due.getKey())).ifPresent(problem -> {
                throw new BusinessException(problem);
            });
            checked.put(due.getKey(), due.getValue());
        }
        dueDates.clear();
        dueDates.putAll(checked);
    }

    /** What is wrong with a due date for the module called {@code title}, if anything: it must fall within the cohort's dates. */
    public java.util.Optional<String> dueDateProblem(LocalDate due, String title) {
        if (due.isBefore(startDate) || due.isAfter(endDate)) {
            return java.util.Optional.of("Choose a date for " + title + " within the cohort's dates, " + DAY.format(startDate)
                    + " to " + DAY.format(endDate) + ".");
        }
        return java.util.Optional.empty();
    }

    /** When each required module is due, by module key (only those with a date). */
    public Map<String, LocalDate> getDueDates() {
        return java.util.Collections.unmodifiableMap(dueDates);
    }

    /** Adds a programme manager who runs this cohort only; the programme's own managers run it already. */
    public void addManager(long personId) {
        if (programme.isManagedBy(personId) || !managers.add(personId)) {
            throw new BusinessException("They already manage this cohort.");
        }
    }

    public void removeManager(long personId) {
        if (!managers.remove(personId)) {
            throw new BusinessException("They do not manage this cohort on their own: the programme's managers are changed with the programme.");
        }
    }

    /** The people added to this cohort alone, not counting the programme's managers. */
    public Set<Long> getManagers() {
        return java.util.Collections.unmodifiableSet(managers);
    }

    public boolean isManagedBy(long personId) {
        return managers.contains(personId) || programme.isManagedBy(personId);
    }

    public Programme getProgramme() {
        return programme;
    }

    void setProgramme(Programme programme) {
        this.programme = programme;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }
}
