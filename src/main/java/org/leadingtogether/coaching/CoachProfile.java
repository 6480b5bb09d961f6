package org.leadingtogether.coaching;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.AuditedEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A coach's profile: who they are as a coach (accreditations, specialisms, the professions they are comfortable
 * coaching, a short biography), how many coachees they take at once, whether they take coachees from their own
 * organisation (by default no: coaching across organisations is the norm) and whether they are open to new
 * pairings. Keyed by the coach's person id: one profile per coach. Its row is also the lock taken when places
 * are counted, so two managers cannot fill a coach's last place at the same moment.
 */
@Entity
@Table(name = "coach_profile")
public class CoachProfile extends AuditedEntity {

    private static final long serialVersionUID = 1L;

    public static final int BIOGRAPHY_MAX = 2_000;
    public static final int NAME_MAX = 120;
    public static final int CAPACITY_MAX = 20;

    @Id
    @Column(name = "person_id")
    private Long personId;


    @Size(max = BIOGRAPHY_MAX, message = "Keep this to {max} characters or fewer.")
    @Column(length = BIOGRAPHY_MAX)
    private String biography;

    @Min(value = 0, message = "Choose between 0 and " + CAPACITY_MAX + " coachees at once.")
    @Max(value = CAPACITY_MAX, message = "Choose between 0 and " + CAPACITY_MAX + " coachees at once.")
    @Column(nullable = false)
    private int capacity = 2;

    @Column(name = "takes_own_organisation", nullable = false)
    private boolean takesOwnOrganisation;

    @Column(nullable = false)
    private boolean available = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coach_accreditation", joinColumns = @JoinColumn(name = "coach_id"))
    @Column(name = "name", length = NAME_MAX)
    private Set<String> accreditations = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coach_specialism", joinColumns = @JoinColumn(name = "coach_id"))
    @Column(name = "name", length = NAME_MAX)
    private Set<String> specialisms = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coach_profession", joinColumns = @JoinColumn(name = "coach_id"))
    @Column(name = "profession_id")
    private Set<Long> professionIds = new TreeSet<>();

    protected CoachProfile() {
    }

    public CoachProfile(long personId) {
        this.personId = personId;
    }

    /** A blank profile for a form. */
    public static CoachProfile blank() {
        return new CoachProfile();
    }

    /** Copies what a coach may change about themselves from a form, tidying the lists. */
    public void update(CoachProfile form) {
        if (form.capacity < 0 || form.capacity > CAPACITY_MAX) {
            throw new BusinessException("capacity", "Choose between 0 and " + CAPACITY_MAX + " coachees at once.");
        }
        this.biography = form.biography == null || form.biography.isBlank() ? null : form.biography.strip();
        this.capacity = form.capacity;
        this.takesOwnOrganisation = form.takesOwnOrganisation;
        this.available = form.available;
        replace(accreditations, form.accreditations, "accreditations");
        replace(specialisms, form.specialisms, "specialisms");
        professionIds.clear();
        professionIds.addAll(form.professionIds);
    }

    private static void replace(Set<String> target, Collection<String> values, String field) {
        Set<String> tidy = tidy(values);
        for (String value : tidy) {
            if (value.length() > NAME_MAX) {
                throw new BusinessException(field, "Keep each entry under " + NAME_MAX + " characters: '" + value.substring(0, 30) + "…'.");
            }
        }
        target.clear();
        target.addAll(tidy);
    }

    /** Trimmed, non-blank, without duplicates that differ only in case. */
    public static Set<String> tidy(Collection<String> values) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> tidy = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank() && seen.add(value.strip())) {
                    tidy.add(value.strip());
                }
            }
        }
        return tidy;
    }

    /** Splits a comma-separated list as typed into a form. */
    public static Set<String> fromText(String text) {
        return tidy(text == null ? Set.of() : java.util.Arrays.asList(text.split("[,;\\n]")));
    }

    public Long getPersonId() {
        return personId;
    }

    public String getBiography() {
        return biography;
    }

    public void setBiography(String biography) {
        this.biography = biography;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public boolean isTakesOwnOrganisation() {
        return takesOwnOrganisation;
    }

    public void setTakesOwnOrganisation(boolean takesOwnOrganisation) {
        this.takesOwnOrganisation = takesOwnOrganisation;
    }

    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public Set<String> getAccreditations() {
        return accreditations;
    }

    public void setAccreditations(Set<String> accreditations) {
        this.accreditations = new TreeSet<>(tidy(accreditations));
    }

    public Set<String> getSpecialisms() {
        return specialisms;
    }

    public void setSpecialisms(Set<String> specialisms) {
        this.specialisms = new TreeSet<>(tidy(specialisms));
    }

    public Set<Long> getProfessionIds() {
        return professionIds;
    }

    public void setProfessionIds(Set<Long> professionIds) {
        this.professionIds = new TreeSet<>(professionIds == null ? Set.of() : professionIds);
    }
}
