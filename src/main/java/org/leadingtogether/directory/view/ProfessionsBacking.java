package org.leadingtogether.directory.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Profession;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/** Professions: the list, and a form that adds one or, with {@code ?id=…}, renames one. */
@Named
@ViewScoped
public class ProfessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DirectoryService directory;

    private Long id;
    private List<Profession> professions;

    @Valid
    private Profession editing;

    public void load() {
        professions = directory.findProfessions();
        editing = id == null ? Profession.blank() : directory.getProfession(id);
    }

    public String save() {
        directory.saveProfession(editing);
        Messages.flashInfo(editing.getName() + " is saved.");
        return "/admin/professions?faces-redirect=true";
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<Profession> getProfessions() {
        return professions;
    }

    public Profession getEditing() {
        return editing;
    }
}
