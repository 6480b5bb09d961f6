package org.leadingtogether.coaching.view;

import org.leadingtogether.platform.web.FormIntent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.Agreement;
import org.leadingtogether.coaching.AgreementTerms;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.coaching.PairingView;
import org.leadingtogether.coaching.SessionStatus;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One pairing ({@code ?id=…}), for its coach under {@code /coach/pairing} and its coachee under
 * {@code /learner/pairing}: the same page, built for whoever is looking (the service leaves out what the
 * viewer may not see). Every change is one service call and then a redirect back here.
 */
@Named
@ViewScoped
public class PairingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private Long id;
    private PairingView pairing;

    // the agreement form
    private String goals;
    private int sessions;
    private int sessionMinutes;
    private String frequency;
    private String venue;
    private String confidentiality;

    // recording a session (coach)
    private LocalDateTime sessionStart;
    private int sessionLength = 60;
    private SessionStatus sessionStatus = SessionStatus.PLANNED;
    /** The coach's private notes, written with the session's record in the same form. */
    private String sessionNotes;

    // per session: status and notes (coach), rating and comment (coachee)
    private final Map<Long, String> statuses = new HashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final Map<Long, Integer> ratings = new HashMap<>();
    private final Map<Long, String> comments = new HashMap<>();

    private String action;
    private String endReason;

    public void load() {
        pairing = coaching.getPairing(id == null ? -1 : id);
        AgreementTerms terms = pairing.hasAgreement() ? pairing.agreement().terms() : Agreement.suggestedTerms();
        goals = terms.goals();
        sessions = terms.sessions();
        sessionMinutes = terms.sessionMinutes();
        frequency = terms.frequency();
        venue = terms.venue();
        confidentiality = terms.confidentiality();
        sessionLength = terms.sessionMinutes();
        for (PairingView.Session s : pairing.sessions()) {
            statuses.put(s.id(), s.status().name());
            notes.put(s.id(), s.notes());
            ratings.put(s.id(), s.feedbackRating());
            comments.put(s.id(), s.feedbackComment());
        }
    }

    private String here() {
        String area = FacesContext.getCurrentInstance().getViewRoot().getViewId().startsWith("/coach/") ? "/coach" : "/learner";
        return area + "/pairing?faces-redirect=true&id=" + id;
    }

    public String saveAgreement() {
        coaching.saveAgreement(id, new AgreementTerms(goals, sessions, sessionMinutes, frequency, venue, confidentiality));
        Messages.flashInfo("The agreement is saved. You both agree to it next.");
        return here();
    }

    public String agree() {
        coaching.agree(id, pairing.agreement().fingerprint());
        Messages.flashInfo("You have agreed to the coaching agreement.");
        return here();
    }

    public String recordSession() {
        coaching.recordSession(id, sessionStart, sessionLength, sessionStatus, sessionNotes, FormIntent.submitted());
        Messages.flashInfo("The session is recorded.");
        return here();
    }

    public String updateSession(long sessionId) {
        String status = statuses.get(sessionId);
        coaching.updateSession(sessionId, status == null ? null : SessionStatus.valueOf(status), notes.get(sessionId));
        Messages.flashInfo("The session is updated.");
        return here();
    }

    public String giveFeedback(long sessionId) {
        Integer rating = ratings.get(sessionId);
        coaching.giveFeedback(sessionId, rating == null ? 0 : rating, comments.get(sessionId));
        Messages.flashInfo("Thank you: your feedback is saved.");
        return here();
    }

    public String addAction() {
        coaching.addAction(id, action, FormIntent.submitted());
        Messages.flashInfo("The action is added.");
        return here();
    }

    public String toggleAction(PairingView.Action item) {
        coaching.setActionDone(item.id(), !item.done());
        return here();
    }

    public String end() {
        coaching.endPairing(id, endReason);
        Messages.flashInfo("The pairing has ended. Nobody else sees the reason you gave.");
        return here();
    }

    public SessionStatus[] getStatusesToRecord() {
        return SessionStatus.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public PairingView getPairing() {
        return pairing;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public int getSessions() {
        return sessions;
    }

    public void setSessions(int sessions) {
        this.sessions = sessions;
    }

    public int getSessionMinutes() {
        return sessionMinutes;
    }

    public void setSessionMinutes(int sessionMinutes) {
        this.sessionMinutes = sessionMinutes;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getConfidentiality() {
        return confidentiality;
    }

    public void setConfidentiality(String confidentiality) {
        this.confidentiality = confidentiality;
    }

    public LocalDateTime getSessionStart() {
        return sessionStart;
    }

    public String getSessionNotes() {
        return sessionNotes;
    }

    public void setSessionNotes(String sessionNotes) {
        this.sessionNotes = sessionNotes;
    }

    public void setSessionStart(LocalDateTime sessionStart) {
        this.sessionStart = sessionStart;
    }

    public int getSessionLength() {
        return sessionLength;
    }

    public void setSessionLength(int sessionLength) {
        this.sessionLength = sessionLength;
    }

    public SessionStatus getSessionStatus() {
        return sessionStatus;
    }

    public void setSessionStatus(SessionStatus sessionStatus) {
        this.sessionStatus = sessionStatus;
    }

    public Map<Long, String> getStatuses() {
        return statuses;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public Map<Long, Integer> getRatings() {
        return ratings;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }
}
