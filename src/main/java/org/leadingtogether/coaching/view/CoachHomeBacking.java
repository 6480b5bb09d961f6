package org.leadingtogether.coaching.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.CoachHome;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.coaching.EndedPairing;
import org.leadingtogether.platform.web.Messages;

/**
 * The coach's home: places used, requests to answer, the people they coach now, and coaching that has ended. View-scoped so that the
 * request answered on a postback is the one that was on the page.
 */
@Named
@ViewScoped
public class CoachHomeBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private CoachHome home;

    /** Read when the page asks for it, so the requests and coachees above need no more than they did. */
    private java.util.List<EndedPairing> ended;

    public void load() {
        home = coaching.getCoachHome();
    }

    /** Coaching that has ended, whose records the coach can still open. */
    public java.util.List<EndedPairing> getEnded() {
        if (ended == null) {
            ended = coaching.findMyEndedPairings();
        }
        return ended;
    }

    public String accept(CoachHome.Request request) {
        coaching.accept(request.pairingId());
        Messages.flashInfo("You are now paired with " + request.coacheeName() + ". Arrange a first conversation to see whether you work well together.");
        return "/coach/pairing?faces-redirect=true&id=" + request.pairingId();
    }

    public String decline(CoachHome.Request request) {
        coaching.decline(request.pairingId());
        Messages.flashInfo("You have declined the request for " + request.coacheeName() + ". Their programme manager will find another coach.");
        return "/coach/home?faces-redirect=true";
    }

    public CoachHome getHome() {
        return home;
    }
}
