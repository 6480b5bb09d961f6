package org.leadingtogether.coaching.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.CoacheeView;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A coachee as their coach sees them ({@code ?id=} the pairing): progress, ratings side by side, the coach's rating. */
@Named
@ViewScoped
public class CoacheeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private Long id;
    private CoacheeView coachee;
    private final Map<Long, Integer> ratings = new HashMap<>();

    public void load() {
        coachee = coaching.getCoachee(id == null ? -1 : id);
        coachee.ratings().forEach(r -> ratings.put(r.elementId(), r.coach()));
    }

    public String rate() {
        coaching.rateCoachee(id, ratings);
        Messages.flashInfo("Your rating of " + coachee.name() + " is saved beside their own.");
        return "/coach/coachee?faces-redirect=true&id=" + id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CoacheeView getCoachee() {
        return coachee;
    }

    public Map<Long, Integer> getRatings() {
        return ratings;
    }
}
