package org.leadingtogether.feedback.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.platform.web.FormIntent;

import java.io.Serializable;
import java.util.List;

/** A learner's 360 rounds across their programmes ({@code /learner/feedback.xhtml}); a round's button starts their 360 in it. */
@Named
@ViewScoped
public class MyFeedbackBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    private List<FeedbackPages.MyRound> rounds;

    public void load() {
        rounds = feedback.findMyRounds();
    }

    public String open() {
        long request = feedback.openRound(FormIntent.chosenId("rounds:open"), FormIntent.submitted());
        return "/learner/feedback-round?faces-redirect=true&id=" + request;
    }

    public List<FeedbackPages.MyRound> getRounds() {
        return rounds;
    }
}
