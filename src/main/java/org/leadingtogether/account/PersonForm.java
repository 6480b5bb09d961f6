package org.leadingtogether.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an administrator fills in to create or edit a person. Profession and organisation are chosen by
 * id; the temporary password is only set when given. The constraints repeat the entity's limits through
 * its constants, so the page validates each field before the service is called.
 */
public class PersonForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;

    @NotBlank(message = "Enter an email address.")
    @Email(message = "{lt.email.invalid}", regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*")
    @Size(max = Person.EMAIL_MAX, message = "Keep the email address to {max} characters or fewer.")
    private String email;

    @NotBlank(message = "Enter the given name.")
    @Size(max = Person.NAME_MAX, message = "Keep the given name to {max} characters or fewer.")
    private String givenName;

    @NotBlank(message = "Enter the family name.")
    @Size(max = Person.NAME_MAX, message = "Keep the family name to {max} characters or fewer.")
    private String familyName;

    @Size(max = Person.JOB_TITLE_MAX, message = "Keep the job title to {max} characters or fewer.")
    private String jobTitle;

    @Size(max = Person.TEAM_MAX, message = "Keep the team to {max} characters or fewer.")
    private String team;

    private String lineManagerEmail;
    private Long professionId;
    private Long organisationId;
    private Set<Role> roles = EnumSet.of(Role.LEARNER);
    private boolean active = true;
    private String temporaryPassword;

    public static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.id = person.getId();
        form.version = person.getVersion();
        form.email = person.getEmail();
        form.givenName = person.getGivenName();
        form.familyName = person.getFamilyName();
        form.jobTitle = person.getJobTitle();
        form.team = person.getTeam();
        form.professionId = person.getProfession() == null ? null : person.getProfession().getId();
        form.organisationId = person.getOrganisation() == null ? null : person.getOrganisation().getId();
        form.roles = person.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(person.getRoles());
        form.active = person.isActive();
        return form;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public Long getProfessionId() {
        return professionId;
    }

    public void setProfessionId(Long professionId) {
        this.professionId = professionId;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    /** The line manager, by email address (they must have an account); blank for none. */
    public String getLineManagerEmail() {
        return lineManagerEmail;
    }

    public void setLineManagerEmail(String lineManagerEmail) {
        this.lineManagerEmail = lineManagerEmail;
    }
}
