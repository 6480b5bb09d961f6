package org.leadingtogether.cohort;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.BusinessException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A leadership programme: what its cohorts work towards. Programme managers listed on it run it; they
 * are the only ones who may change it.
 */
@Entity
@Table(name = "programme")
public class Programme extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;

    @NotBlank(message = "Enter the programme's name.")
    @Size(max = NAME_MAX, message = "Keep the name to {max} characters or fewer.")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Size(max = DESCRIPTION_MAX, message = "Keep the description to {max} characters or fewer.")
    @Column
    private String description;

    @NotNull(message = "Enter the start date.")
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @NotNull(message = "Enter the end date.")
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Min(value = 0, message = "Enter 0 or more.")
    @Max(value = 50, message = "Enter 50 or fewer.")
    @Column(name = "coaching_sessions", nullable = false)
    private int coachingSessions;

    /**
     * Whether the programme allows coaching inside one's own organisation. Off by default: coaching across
     * organisations is the norm, and it takes the coach's consent as well.
     */
    @Column(name = "own_organisation_coaching", nullable = false)
    private boolean ownOrganisationCoaching;

    @NotNull(message = "Enter the protected hours (0 if none).")
    @DecimalMin(value = "0", message = "Enter 0 or more.")
    @DecimalMax(value = "2000", message = "Enter 2000 or fewer.")
    @Column(name = "entitlement_hours", nullable = false, precision = 6, scale = 1)
    private BigDecimal entitlementHours = BigDecimal.ZERO;

    @NotNull(message = "Choose how the hours are counted.")
    @Enumerated(EnumType.STRING)
    @Column(name = "entitlement_period", nullable = false, length = 10)
    private EntitlementPeriod entitlementPeriod = EntitlementPeriod.MONTH;

    @Column(name = "framework_id")
    private Long frameworkId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_module", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "module_key", length = 100)
    private Set<String> requiredModules = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_manager", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "person_id")
    private Set<Long> managers = new LinkedHashSet<>();

    protected Programme() {
    }

    /** A blank programme for a form. */
    public static Programme blank() {
        return new Programme();
    }

    /** A new programme run by the person creating it. */
    public static Programme createdBy(long managerId) {
        Programme programme = new Programme();
        programme.managers.add(managerId);
        return programme;
    }

    /** The dates make sense: the end is not before the start. */
    public void checkDates() {
        checkOrder(startDate, endDate, "endDate");
    }

    /** Refuses an end before a start, with the message at the end-date field. Shared by cohorts. */
    static void checkOrder(LocalDate start, LocalDate end, String endField) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new BusinessException(endField, "The end date must be on or after the start date.");
        }
    }

    public boolean isManagedBy(long personId) {
        return managers.contains(personId);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null || description.isBlank() ? null : description.strip();
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

    public int getCoachingSessions() {
        return coachingSessions;
    }

    public boolean isOwnOrganisationCoaching() {
        return ownOrganisationCoaching;
    }

    public void setOwnOrganisationCoaching(boolean ownOrganisationCoaching) {
        this.ownOrganisationCoaching = ownOrganisationCoaching;
    }

    public void setCoachingSessions(int coachingSessions) {
        this.coachingSessions = coachingSessions;
    }

    public BigDecimal getEntitlementHours() {
        return entitlementHours;
    }

    public void setEntitlementHours(BigDecimal entitlementHours) {
        this.entitlementHours = entitlementHours;
    }

    public EntitlementPeriod getEntitlementPeriod() {
        return entitlementPeriod;
    }

    public void setEntitlementPeriod(EntitlementPeriod entitlementPeriod) {
        this.entitlementPeriod = entitlementPeriod;
    }

    public Long getFrameworkId() {
        return frameworkId;
    }

    public void setFrameworkId(Long frameworkId) {
        this.frameworkId = frameworkId;
    }

    public Set<String> getRequiredModules() {
        return requiredModules;
    }

    public void setRequiredModules(Set<String> requiredModules) {
        this.requiredModules.clear();
        if (requiredModules != null) {
            this.requiredModules.addAll(requiredModules);
        }
    }

    public Set<Long> getManagers() {
        return managers;
    }
}
