package org.leadingtogether.feedback.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackRound;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/**
 * A programme's 360 rounds ({@code /manager/feedback-rounds.xhtml?programme=…}), and the form to add one or, with
 * {@code &edit=…}, change one: when it opens and closes and how many raters each learner needs.
 */
@Named
@ViewScoped
public class FeedbackRoundsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    private Long programme;
    private Long round;
    private FeedbackPages.Rounds rounds;

    @Valid
    private FeedbackRound form;

    public void load() {
        long id = programme == null ? -1 : programme;
        rounds = feedback.getRounds(id);
        form = round == null ? FeedbackRound.blank() : feedback.getRound(id, round);
    }

    public String save() {
        feedback.saveRound(programme, round, form, round == null ? FormIntent.submitted() : null);
        Messages.flashInfo(form.getName() + (round == null ? " is added." : " is saved."));
        return "/manager/feedback-rounds?faces-redirect=true&programme=" + programme;
    }

    public Long getProgramme() {
        return programme;
    }

    public void setProgramme(Long programme) {
        this.programme = programme;
    }

    public Long getRound() {
        return round;
    }

    public void setRound(Long round) {
        this.round = round;
    }

    public FeedbackPages.Rounds getRounds() {
        return rounds;
    }

    public FeedbackRound getForm() {
        return form;
    }
}
