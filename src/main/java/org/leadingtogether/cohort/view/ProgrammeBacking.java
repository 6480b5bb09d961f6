package org.leadingtogether.cohort.view;

import org.leadingtogether.platform.web.FormIntent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.cohort.ProgrammeSummary;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.learning.ModuleOption;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/** A programme: its settings ({@code ?id} absent for a new one) and, once saved, its cohorts. */
@Named
@ViewScoped
public class ProgrammeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    @Inject
    private LearningService learning;

    private Long id;

    @Valid
    private Programme programme;

    @Valid
    private Cohort newCohort;

    private List<ModuleOption> modules;
    private ProgrammeSummary summary;

    public void load() {
        programme = id == null ? Programme.blank() : cohorts.getProgramme(id);
        modules = learning.findPublishedModules();
        newCohort = Cohort.blank();
        newCohort.setStartDate(programme.getStartDate());
        newCohort.setEndDate(programme.getEndDate());
        summary = id == null ? null : cohorts.findMyProgrammes().stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    public String save() {
        long saved = cohorts.saveProgramme(programme, FormIntent.submitted());
        Messages.flashInfo(programme.getName() + " is saved.");
        return "/manager/programme?faces-redirect=true&id=" + saved;
    }

    public String addCohort() {
        long cohortId = cohorts.addCohort(id, newCohort, FormIntent.submitted());
        Messages.flashInfo(newCohort.getName() + " is added. Enrol its members next.");
        return "/manager/cohort?faces-redirect=true&id=" + cohortId;
    }

    public EntitlementPeriod[] getPeriods() {
        return EntitlementPeriod.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Programme getProgramme() {
        return programme;
    }

    public Cohort getNewCohort() {
        return newCohort;
    }

    public List<ModuleOption> getModules() {
        return modules;
    }

    public ProgrammeSummary getSummary() {
        return summary;
    }
}
