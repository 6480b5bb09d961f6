package org.leadingtogether.cohort.view;

import org.leadingtogether.platform.web.FormIntent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import org.leadingtogether.account.NewLearner;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EnrolmentCsv;
import org.leadingtogether.cohort.EnrolmentPreview;
import org.leadingtogether.cohort.PersonMatch;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.web.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Enrolling people in a cohort ({@code ?cohort=…}): find and enrol one person, or upload a file, see what
 * it would do, and confirm. The file is kept in the view until confirmed, then imported all or nothing.
 */
@Named
@ViewScoped
public class EnrolBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    @Inject
    private DirectoryService directory;

    private Long cohort;
    private String cohortName;
    private String words;
    private List<PersonMatch> matches = List.of();
    private transient Part upload;
    private String uploadToken;
    private byte[] file;
    private String fileName;
    private EnrolmentPreview preview;
    private String newEmail;
    private String newGivenName;
    private String newFamilyName;
    private String newProfession;
    private String newOrganisation;
    private String newJobTitle;
    private List<String> professions = List.of();
    private List<String> organisations = List.of();

    public void load() {
        cohortName = cohorts.getCohortTitle(cohort == null ? -1 : cohort);
        professions = directory.findProfessions().stream().map(p -> p.getName()).toList();
        organisations = directory.findOrganisations().stream().map(o -> o.getName()).toList();
    }

    public void createAndEnrol() {
        cohorts.createAndEnrol(cohort, new NewLearner(newEmail, newGivenName, newFamilyName, newProfession, newOrganisation, newJobTitle),
                FormIntent.submitted());
        Messages.info(newGivenName.strip() + " " + newFamilyName.strip() + " has an account and is enrolled.");
        newEmail = null;
        newGivenName = null;
        newFamilyName = null;
        newJobTitle = null;
    }

    public void search() {
        matches = cohorts.findPeopleToEnrol(cohort, words);
        if (matches.isEmpty()) {
            Messages.info("No one matches '" + words + "'. Check the spelling, or enrol them from a file to create their account.");
        }
    }

    /** Enrols the person whose button was pressed (their id travels with the press). */
    public void enrolChosen() {
        long personId = FormIntent.chosenId("search:enrol");
        cohorts.enrol(cohort, personId, FormIntent.submitted());
        String name = matches == null ? null : matches.stream().filter(m -> m.id() == personId).map(PersonMatch::name).findFirst().orElse(null);
        Messages.info((name == null ? "They are" : name + " is") + " enrolled.");
        matches = cohorts.findPeopleToEnrol(cohort, words);
    }

    /**
     * Checks the chosen file: the one sent ahead by the upload-progress script (named by {@code uploadToken}), or,
     * without the script, the one sent with the form.
     */
    public void check() throws IOException {
        preview = null;
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        Optional<PendingUpload> sentAhead = PendingUpload.take(session, uploadToken);
        uploadToken = null;
        if (sentAhead.isPresent()) {
            file = sentAhead.get().content();
            fileName = sentAhead.get().fileName();
        } else {
            if (upload == null || upload.getSize() == 0) {
                throw new BusinessException("upload", "Choose a CSV file to upload.");
            }
            if (upload.getSize() > EnrolmentCsv.MAX_BYTES) {
                throw new BusinessException("upload", tooBig(upload.getSize()));
            }
            try (InputStream in = upload.getInputStream()) {
                file = in.readAllBytes();
            }
            fileName = upload.getSubmittedFileName();
        }
        preview = cohorts.previewImport(cohort, file);
        // Said at the top of the page too, where the eye is after an upload; the detail is further down.
        if (preview.ok()) {
            Messages.info(fileName + " is checked: " + preview.lines().size() + (preview.lines().size() == 1 ? " person" : " people")
                    + ". Look at what will happen below, then confirm.");
        } else {
            Messages.error(null, preview.problems().size() + (preview.problems().size() == 1 ? " problem" : " problems") + " in "
                    + fileName + ": nothing has been imported. Each is listed below with its line.");
        }
    }

    /** What a manager is told about a file over the limit, the same whichever way it was sent. */
    static String tooBig(long bytes) {
        return String.format("The file is %.1f MB; the largest file accepted is %d MB. Split it into smaller files.",
                bytes / (1024.0 * 1024.0), EnrolmentCsv.MAX_BYTES / (1024 * 1024));
    }

    public String confirm() {
        if (file == null || preview == null || !preview.ok()) {
            throw new BusinessException("Upload and check a file first.");
        }
        int enrolled = cohorts.importEnrolments(cohort, file, FormIntent.submitted());
        Messages.flashInfo(enrolled + (enrolled == 1 ? " person" : " people") + " enrolled from " + fileName + ".");
        return "/manager/cohort?faces-redirect=true&id=" + cohort;
    }

    public void discard() {
        file = null;
        preview = null;
        fileName = null;
    }

    public Long getCohort() {
        return cohort;
    }

    public void setCohort(Long cohort) {
        this.cohort = cohort;
    }

    public String getCohortName() {
        return cohortName;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public List<PersonMatch> getMatches() {
        return matches;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public String getUploadToken() {
        return uploadToken;
    }

    public void setUploadToken(String uploadToken) {
        this.uploadToken = uploadToken;
    }

    public EnrolmentPreview getPreview() {
        return preview;
    }

    public String getFileName() {
        return fileName;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getNewGivenName() {
        return newGivenName;
    }

    public void setNewGivenName(String newGivenName) {
        this.newGivenName = newGivenName;
    }

    public String getNewFamilyName() {
        return newFamilyName;
    }

    public void setNewFamilyName(String newFamilyName) {
        this.newFamilyName = newFamilyName;
    }

    public String getNewProfession() {
        return newProfession;
    }

    public void setNewProfession(String newProfession) {
        this.newProfession = newProfession;
    }

    public String getNewOrganisation() {
        return newOrganisation;
    }

    public void setNewOrganisation(String newOrganisation) {
        this.newOrganisation = newOrganisation;
    }

    public String getNewJobTitle() {
        return newJobTitle;
    }

    public void setNewJobTitle(String newJobTitle) {
        this.newJobTitle = newJobTitle;
    }

    public List<String> getProfessions() {
        return professions;
    }

    public List<String> getOrganisations() {
        return organisations;
    }
}
