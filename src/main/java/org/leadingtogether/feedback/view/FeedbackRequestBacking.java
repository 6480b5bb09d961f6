package org.leadingtogether.feedback.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.feedback.InvitationRefused;
import org.leadingtogether.feedback.RaterList;
import org.leadingtogether.feedback.Relationship;
import org.leadingtogether.feedback.Unanswered;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learner's own 360 while its round runs ({@code /learner/feedback-round.xhtml?id=…}): rating themselves, inviting
 * raters group by group, how many in each group have answered, and a reminder to those who have not.
 */
@Named
@ViewScoped
public class FeedbackRequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    private Long id;
    private FeedbackPages.Request request;
    /** Element code to rating (as the page sends it). */
    private final Map<String, String> ratings = new HashMap<>();
    /** Elements left unanswered at the last save, marked on the page. */
    private final Set<String> missing = new HashSet<>();
    private Relationship group = Relationship.PEER;
    private String addresses;

    public void load() {
        request = feedback.getRequest(id == null ? -1 : id);
        ratings.clear();
        request.selfRatings().forEach((code, rating) -> ratings.put(code, String.valueOf(rating)));
    }

    public String saveRatings() {
        Map<String, Integer> chosen = new HashMap<>();
        ratings.forEach((code, value) -> {
            if (value != null && value.matches("\\d")) {
                chosen.put(code, Integer.valueOf(value));
            }
        });
        missing.clear();
        try {
            feedback.saveSelfRatings(id, chosen);
        } catch (Unanswered unanswered) {
            missing.addAll(unanswered.getCodes());
            Messages.error(null, unanswered.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        Messages.flashInfo("Your own ratings are saved. You can change them until the round closes.");
        return "/learner/feedback-round?faces-redirect=true&id=" + id;
    }

    public String invite() {
        try {
            int invited = feedback.invite(id, group, addresses, PortalAddress.base(), FormIntent.submitted());
            Messages.flashInfo(invited == 1 ? "One invitation is on its way." : invited + " invitations are on their way.");
            return "/learner/feedback-round?faces-redirect=true&id=" + id;
        } catch (InvitationRefused refused) {
            String field = "invite:addresses";
            Messages.error(null, refused.getMessage());
            for (RaterList.Problem problem : refused.getProblems()) {
                Messages.error(field, problem.line() == 0 ? problem.message() : problem.toString());
            }
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
    }

    public String remind() {
        int reminded = feedback.remind(id, PortalAddress.base());
        Messages.flashInfo(reminded == 1 ? "A reminder is on its way to the one person who has not answered yet."
                : "Reminders are on their way to the " + reminded + " people who have not answered yet.");
        return "/learner/feedback-round?faces-redirect=true&id=" + id;
    }

    public boolean isMissing(FrameworkView.ElementView element) {
        return missing.contains(element.code());
    }

    public List<Relationship> getGroups() {
        return Relationship.groups();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public FeedbackPages.Request getRequest() {
        return request;
    }

    public Map<String, String> getRatings() {
        return ratings;
    }

    public Relationship getGroup() {
        return group;
    }

    public void setGroup(Relationship group) {
        this.group = group;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }
}
