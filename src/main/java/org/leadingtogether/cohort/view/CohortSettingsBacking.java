package org.leadingtogether.cohort.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.platform.web.Dates;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/**
 * A cohort's places and dates ({@code ?id=…}): the page every "not enough places" refusal links to
 * ({@link org.leadingtogether.cohort.CohortFullException}), and the cohort dashboard and enrolment page too.
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

    public void load() {
        CohortService.CohortSettings settings = cohorts.getCohortSettings(id == null ? -1 : id);
        cohort = settings.cohort();
        title = settings.title();
        placesTaken = settings.placesTaken();
        places = cohort.getCapacity();
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
