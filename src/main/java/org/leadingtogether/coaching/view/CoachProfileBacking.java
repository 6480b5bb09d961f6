package org.leadingtogether.coaching.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.CoachProfile;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Profession;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The coach's own profile; accreditations and specialisms are typed as lists separated by commas. */
@Named
@ViewScoped
public class CoachProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    @Inject
    private DirectoryService directory;

    private CoachProfile profile;
    private String accreditations;
    private String specialisms;
    private List<Long> professionIds = new ArrayList<>();
    private List<Profession> professions = List.of();

    public void load() {
        profile = coaching.getMyProfile();
        accreditations = String.join(", ", profile.getAccreditations());
        specialisms = String.join(", ", profile.getSpecialisms());
        professionIds = new ArrayList<>(profile.getProfessionIds());
        professions = directory.findProfessions();
    }

    public String save() {
        profile.setAccreditations(CoachProfile.fromText(accreditations));
        profile.setSpecialisms(CoachProfile.fromText(specialisms));
        profile.setProfessionIds(new java.util.TreeSet<>(professionIds));
        coaching.saveMyProfile(profile);
        Messages.flashInfo("Your coaching profile is saved.");
        return "/coach/home?faces-redirect=true";
    }

    public CoachProfile getProfile() {
        return profile;
    }

    public String getAccreditations() {
        return accreditations;
    }

    public void setAccreditations(String accreditations) {
        this.accreditations = accreditations;
    }

    public String getSpecialisms() {
        return specialisms;
    }

    public void setSpecialisms(String specialisms) {
        this.specialisms = specialisms;
    }

    public List<Long> getProfessionIds() {
        return professionIds;
    }

    public void setProfessionIds(List<Long> professionIds) {
        this.professionIds = professionIds;
    }

    public List<Profession> getProfessions() {
        return professions;
    }
}
