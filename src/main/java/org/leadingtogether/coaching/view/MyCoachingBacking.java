package org.leadingtogether.coaching.view;

import org.leadingtogether.platform.web.FormIntent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.CoachProfile;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.coaching.MyCoaching;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/** The learner's coaching: their coach or request, coaches they may ask for, and what they would like a coach to offer. */
@Named
@ViewScoped
public class MyCoachingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private MyCoaching mine;
    private String wishes;

    public void load() {
        mine = coaching.getMyCoaching();
        wishes = String.join(", ", mine.wishes());
    }

    /** Asks the coach whose button was pressed (its id travels with the press). */
    public String askChosen() {
        long coachId = FormIntent.chosenId("suggestions:ask");
        coaching.requestCoach(coachId, FormIntent.submitted());
        String name = mine == null ? null : mine.suggestions().stream().filter(s -> s.coach().id() == coachId)
                .map(s -> s.coach().name()).findFirst().orElse(null);
        Messages.flashInfo("Your request has gone to " + (name == null ? "the coach" : name) + ", who will answer within a few weeks at most.");
        return "/learner/coaching?faces-redirect=true";
    }

    public String saveWishes() {
        coaching.saveWishes(CoachProfile.fromText(wishes));
        Messages.flashInfo("Saved: suggestions now take these into account.");
        return "/learner/coaching?faces-redirect=true";
    }

    public MyCoaching getMine() {
        return mine;
    }

    public String getWishes() {
        return wishes;
    }

    public void setWishes(String wishes) {
        this.wishes = wishes;
    }
}
