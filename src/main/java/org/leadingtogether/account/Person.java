package org.leadingtogether.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Profession;
import org.leadingtogether.platform.BaseEntity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Someone who uses the portal: a learner, a coach, a programme manager, an administrator, or several of
 * these at once.
 *
 * <p>The email address is the sign-in name. It is stored in lower case, so that {@code Sam@Trust.nhs.uk}
 * and {@code sam@trust.nhs.uk} are one person and the database's unique key enforces that. A person is
 * never deleted (later records point at them); an administrator deactivates them instead, and a
 * deactivated person cannot sign in.
 *
 * <p>An administrator can give a temporary password; the person must then choose their own at their next
 * sign-in ({@link #isMustChangePassword()}).
 *
 * <p>{@link #getAccessVersion() The access version} says which sign-ins are still good. A session remembers the
 * version it began with, and every request checks it against this row: deactivating someone, taking a role away,
 * giving them a temporary password or a change of password by the person themselves raises it, so every session
 * begun before the change stops at its next request (the one in which a person changed their own password is
 * carried over to the new version). Giving a role does not raise it: the next request simply has the new role.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.findByEmail", query = "SELECT p FROM Person p WHERE p.email = :email")
@NamedQuery(name = "Person.countByEmail", query = "SELECT COUNT(p) FROM Person p WHERE p.email = :email AND p.id <> :exceptId")
@NamedQuery(name = "Person.findSignedIn", query = """
        SELECT p.givenName, p.familyName, p.email, p.mustChangePassword, p.accessVersion, r
        FROM Person p LEFT JOIN p.roles r WHERE p.id = :id AND p.active = TRUE""")
public class Person extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 100;
    public static final int JOB_TITLE_MAX = 150;
    public static final int TEAM_MAX = 120;

    @NotBlank(message = "Enter an email address.")
    @Email(message = "{lt.email.invalid}", regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    @Size(max = EMAIL_MAX, message = "Keep the email address to {max} characters or fewer.")
    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    @NotBlank(message = "Enter the given name.")
    @Size(max = NAME_MAX, message = "Keep the given name to {max} characters or fewer.")
    @Column(name = "given_name", nullable = false, length = NAME_MAX)
    private String givenName;

    @NotBlank(message = "Enter the family name.")
    @Size(max = NAME_MAX, message = "Keep the family name to {max} characters or fewer.")
    @Column(name = "family_name", nullable = false, length = NAME_MAX)
    private String familyName;

    @Size(max = JOB_TITLE_MAX, message = "Keep the job title to {max} characters or fewer.")
    @Column(name = "job_title", length = JOB_TITLE_MAX)
    private String jobTitle;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "profession_id")
    private Profession profession;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    /** Recorded so that nobody is ever paired with their own line manager as coach. */
    @Column(name = "line_manager_id")
    private Long lineManagerId;

    /** The team someone works in, as their organisation names it; a coach is never from the coachee's own team. */
    @Size(max = TEAM_MAX, message = "Keep the team to {max} characters or fewer.")
    @Column(length = TEAM_MAX)
    private String team;

    /** When they last completed a lesson; kept as it happens so that dashboards need not search for it. */
    @Column(name = "last_learning_at")
    private java.time.Instant lastLearningAt;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "access_version", nullable = false)
    private int accessVersion;

    protected Person() {
        // for JPA
    }

    public Person(String email, String givenName, String familyName) {
        setEmail(email);
        setGivenName(givenName);
        setFamilyName(familyName);
    }

    /** A new, empty person for a form to fill in. */
    public static Person blank() {
        return new Person();
    }

    /** The form in which email addresses are stored and compared: trimmed and in lower case. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public String getFullName() {
        return givenName + " " + familyName;
    }

    public Long getLineManagerId() {
        return lineManagerId;
    }

    public void setLineManagerId(Long lineManagerId) {
        if (lineManagerId != null && lineManagerId.equals(getId())) {
            throw new org.leadingtogether.platform.BusinessException("lineManagerEmail", "Someone cannot be their own line manager.");
        }
        this.lineManagerId = lineManagerId;
    }

    public java.time.Instant getLastLearningAt() {
        return lastLearningAt;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team == null || team.isBlank() ? null : team.strip();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this person may sign in now: active and with a password set. */
    public boolean canSignIn() {
        return active && passwordHash != null;
    }

    /**
     * An administrator sets a password the person must replace at their next sign-in. Every session the person
     * holds ends: whoever knew the old password (or sat at a computer signed in with it) is out.
     */
    public void setTemporaryPassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
        withdrawAccess();
    }

    /** The person chooses their own password; their other sessions end (see {@link #getAccessVersion()}). */
    public void changePassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
        withdrawAccess();
    }

    /** Nobody can sign in as this person any more, and every session they hold ends at its next request. */
    public void deactivate() {
        this.active = false;
        withdrawAccess();
    }

    public void activate() {
        this.active = true;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = normaliseEmail(email);
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName == null ? null : givenName.strip();
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName == null ? null : familyName.strip();
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip();
    }

    public Profession getProfession() {
        return profession;
    }

    public void setProfession(Profession profession) {
        this.profession = profession;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public boolean isActive() {
        return active;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    /** Gives the person exactly these roles; taking any role away ends every session they hold. */
    public void setRoles(Set<Role> roles) {
        Set<Role> next = EnumSet.noneOf(Role.class);
        if (roles != null) {
            next.addAll(roles);
        }
        if (!next.containsAll(this.roles)) {
            withdrawAccess();
        }
        this.roles.clear();
        this.roles.addAll(next);
    }

    /**
     * The roles an identity provider's groups decide: of the roles in {@code mapped}, the person holds exactly those in
     * {@code given}; every other role stays as the portal gave it. Taking one away ends the person's other sessions,
     * as any role taken does.
     */
    public void followProviderGroups(Set<Role> mapped, Set<Role> given) {
        Set<Role> next = EnumSet.noneOf(Role.class);
        next.addAll(roles);
        next.removeAll(mapped);
        given.stream().filter(mapped::contains).forEach(next::add);
        if (!next.equals(roles)) {
            setRoles(next);
        }
    }

    /**
     * An administrator removed the person's link to an identity provider: sessions begun through it (or any other way)
     * end, as for any access change, and the next sign-in through the provider links them afresh.
     */
    public void unlinkFromProvider() {
        withdrawAccess();
    }

    /** Which sessions are still good: those begun at this version (see the class comment). */
    public int getAccessVersion() {
        return accessVersion;
    }

    private void withdrawAccess() {
        accessVersion++;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
