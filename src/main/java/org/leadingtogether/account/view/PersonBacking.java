package org.leadingtogether.account.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.PersonForm;
import org.leadingtogether.account.ProviderLinkRow;
import org.leadingtogether.account.Role;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Profession;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/** The administrator's page for adding a person ({@code ?id} absent) or editing one ({@code ?id=…}). */
@Named
@ViewScoped
public class PersonBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private DirectoryService directory;

    private Long id;

    @Valid
    private PersonForm form;

    private List<Profession> professions;
    private List<Organisation> organisations;
    private List<ProviderLinkRow> providerLinks = List.of();

    public void load() {
        form = id == null ? new PersonForm() : accounts.getPersonForm(id);
        providerLinks = id == null ? List.of() : accounts.findProviderLinks(id);
        professions = directory.findProfessions();
        organisations = directory.findOrganisations();
    }

    public String save() {
        if (form.isNew()) {
            id = accounts.createPerson(form);
            Messages.flashInfo(form.getGivenName() + " " + form.getFamilyName() + " has been added.");
        } else {
            accounts.updatePerson(form);
            Messages.flashInfo("Changes to " + form.getGivenName() + " " + form.getFamilyName() + " are saved.");
        }
        return self();
    }

    public String setActive(boolean active) {
        accounts.setActive(id, active);
        Messages.flashInfo(form.getGivenName() + " " + form.getFamilyName() + (active ? " can sign in again." : " can no longer sign in."));
        return self();
    }

    /** Removes the link whose button was pressed (its id travels with the press). */
    public String removeProviderLink() {
        String provider = accounts.removeProviderLink(id, FormIntent.chosenId("providers:remove"));
        Messages.flashInfo(form.getGivenName() + " " + form.getFamilyName() + " no longer signs in through " + provider
                + ": their sessions have ended, and their next sign-in there links them again by their verified email address.");
        return self();
    }

    public List<ProviderLinkRow> getProviderLinks() {
        return providerLinks;
    }

    private String self() {
        return "/admin/person?faces-redirect=true&id=" + id;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public PersonForm getForm() {
        return form;
    }

    public List<Profession> getProfessions() {
        return professions;
    }

    public List<Organisation> getOrganisations() {
        return organisations;
    }
}
