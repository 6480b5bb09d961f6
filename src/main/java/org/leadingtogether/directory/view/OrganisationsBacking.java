package org.leadingtogether.directory.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Sector;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/** Organisations: the list, and a form that adds one or, with {@code ?id=…}, edits one. */
@Named
@ViewScoped
public class OrganisationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DirectoryService directory;

    private Long id;
    private List<Organisation> organisations;

    @Valid
    private Organisation editing;

    public void load() {
        organisations = directory.findOrganisations();
        editing = id == null ? Organisation.blank() : directory.getOrganisation(id);
    }

    public String save() {
        directory.saveOrganisation(editing);
        Messages.flashInfo(editing.getName() + " is saved.");
        return "/admin/organisations?faces-redirect=true";
    }

    public Sector[] getSectors() {
        return Sector.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<Organisation> getOrganisations() {
        return organisations;
    }

    public Organisation getEditing() {
        return editing;
    }
}
