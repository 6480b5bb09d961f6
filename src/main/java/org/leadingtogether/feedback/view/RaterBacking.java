package org.leadingtogether.feedback.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackText;
import org.leadingtogether.feedback.RaterAnswers;
import org.leadingtogether.feedback.Unanswered;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.MarkedText;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rater's page ({@code /rater/feedback.xhtml?t=…}), outside every signed-in area: the secret in the address is the
 * only key. A link that was never made answers 404, one whose round has closed 410, one already used a plain page
 * saying the answers are in; none of them shows a question. Answers go once; a comment that seems to identify someone
 * comes back with the words marked, to change or to send as it is.
 */
@Named
@ViewScoped
public class RaterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RaterAnswers feedback;

    private String token;
    private FeedbackPages.Rater rater;
    private final Map<String, String> answers = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private String keepDoing;
    private String doDifferently;
    private List<List<MarkedText.Segment>> marked;
    private boolean sent;

    public void load() {
        rater = feedback.findRater(token);
        int status = switch (rater.state()) {
            case UNKNOWN -> 404;
            case CLOSED -> 410;
            default -> 200;
        };
        if (status != 200) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
        }
    }

    public String send() {
        return send(false);
    }

    public String sendAnyway() {
        return send(true);
    }

    private String send(boolean keepAnyway) {
        Map<String, Integer> chosen = new HashMap<>();
        answers.forEach((code, value) -> {
            if (value != null && value.matches("\\d")) {
                chosen.put(code, Integer.valueOf(value));
            }
        });
        missing.clear();
        FeedbackPages.Sent outcome;
        try {
            outcome = feedback.sendAnswers(token, chosen, keepDoing, doDifferently, keepAnyway);
        } catch (Unanswered unanswered) {
            missing.addAll(unanswered.getCodes());
            marked = null;
            Messages.error(null, unanswered.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        if (!outcome.sent()) {
            marked = outcome.marked();
            Messages.error(null, "Your comments seem to include something that could identify a person (marked below). Change them, or send them as they are. Nothing has been sent yet.");
            return null;
        }
        sent = true;
        marked = null;
        rater = new FeedbackPages.Rater(FeedbackPages.LinkState.ANSWERED, rater.learnerName(), rater.programmeName(), rater.relationship(),
                rater.closesOn(), null);
        return null;
    }

    public String getWhoSees() {
        return rater.relationship() == null ? "" : FeedbackText.whoSees(rater.learnerName(), rater.relationship());
    }

    public boolean isMissing(FrameworkView.ElementView element) {
        return missing.contains(element.code());
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public FeedbackPages.Rater getRater() {
        return rater;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    public String getKeepDoing() {
        return keepDoing;
    }

    public void setKeepDoing(String keepDoing) {
        this.keepDoing = keepDoing;
    }

    public String getDoDifferently() {
        return doDifferently;
    }

    public void setDoDifferently(String doDifferently) {
        this.doDifferently = doDifferently;
    }

    public List<List<MarkedText.Segment>> getMarked() {
        return marked;
    }

    public boolean isSent() {
        return sent;
    }
}
