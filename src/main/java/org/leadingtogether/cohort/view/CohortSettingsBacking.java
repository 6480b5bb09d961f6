package org.leadingtogether.cohort.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.platform.web.Dates;
import org.leadingtogether.platform.web.Messages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort's places and dates ({@code ?id=…}): the page every "not enough places" refusal links to
 * ({@link org.leadingtogether.cohort.CohortFullException}), and the cohort dashboard and enrolment page too; and
 * when each of the programme's required modules is due in the cohort.
 */
@Named
@ViewScoped
public class CohortSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    @Inject
    private Dates dates;

    private Long id;

    @Valid
    private Cohort cohort;

    private String title;
    private long placesTaken;
    /** The places as saved, shown beside those taken whatever is typed in the form. */
    private int places;

    /** The programme's required modules with their due dates as saved; the form's dates by module key. */
    private List<CohortService.DueDate> modules = List.of();
    private final Map<String, LocalDate> dues = new HashMap<>();

    public void load() {
        CohortService.CohortSettings settings = cohorts.getCohortSettings(id == null ? -1 : id);
        cohort = settings.cohort();
        title = settings.title();
        placesTaken = settings.placesTaken();
        places = cohort.getCapacity();
        modules = settings.modules();
        dues.clear();
        modules.forEach(m -> dues.put(m.key(), m.due()));
    }

    /**
     * A due date outside the cohort's dates, refused at its own field as it is typed in (the service checks again, so a
     * hand-made request is refused too). The module's title comes with the field.
     */
    public void checkDue(FacesContext faces, UIComponent field, Object value) {
        if (value instanceof LocalDate due) {
            cohort.dueDateProblem(due, String.valueOf(field.getAttributes().get("moduleTitle"))).ifPresent(problem -> {
                throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, problem, null));
            });
        }
    }

    public String saveDueDates() {
        cohorts.changeDueDates(id, dues);
        long set = dues.values().stream().filter(java.util.Objects::nonNull).count();
        Messages.flashInfo(set == 0 ? "No required module has a due date now." : set + (set == 1 ? " required module has" : " required modules have")
                + " a due date now.");
        return "/manager/cohort-settings?faces-redirect=true&id=" + id;
    }

    public List<CohortService.DueDate> getModules() {
        return modules;
    }

    public Map<String, LocalDate> getDues() {
        return dues;
    }

    public String save() {
        cohorts.changePlacesAndDates(id, cohort);
        Messages.flashInfo(cohort.getName() + " now has " + cohort.getCapacity() + (cohort.getCapacity() == 1 ? " place" : " places")
                + " and runs from " + dates.day(cohort.getStartDate()) + " to " + dates.day(cohort.getEndDate()) + ".");
        return "/manager/cohort?faces-redirect=true&id=" + id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getTitle() {
        return title;
    }

    public long getPlacesTaken() {
        return placesTaken;
    }

    public int getPlaces() {
        return places;
    }
}
