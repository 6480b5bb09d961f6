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

/**
 * A coachee as their coach sees them ({@code ?id=} the pairing): progress, ratings side by side, the coach's
 * rating, and the reflections the coachee shares with them (from the journal, which checks the pairing again).
 */
@Named
@ViewScoped
public class CoacheeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private Long id;
    @Inject
    private org.leadingtogether.journal.JournalService journal;

    private CoacheeView coachee;
    private java.util.List<org.leadingtogether.journal.JournalViews.SharedSummary> shared = java.util.List.of();
    private final Map<Long, Integer> ratings = new HashMap<>();

    public void load() {
        coachee = coaching.getCoachee(id == null ? -1 : id);
        coachee.ratings().forEach(r -> ratings.put(r.elementId(), r.coach()));
        shared = journal.findSharedWithMe(coachee.coacheeId());
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

    /** The journal entries the coachee shares with this coach now, newest first. */
    public java.util.List<org.leadingtogether.journal.JournalViews.SharedSummary> getShared() {
        return shared;
    }

    public Map<Long, Integer> getRatings() {
        return ratings;
    }
}
