package org.leadingtogether.feedback.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;

/** The programme's impact ({@code /manager/feedback-impact.xhtml?programme=…}). */
@Named
@RequestScoped
public class ImpactBacking {

    @Inject
    private FeedbackService feedback;

    private Long programme;
    private FeedbackPages.Impact impact;

    public void load() {
        impact = feedback.getImpact(programme == null ? -1 : programme);
    }

    public Long getProgramme() {
        return programme;
    }

    public void setProgramme(Long programme) {
        this.programme = programme;
    }

    public FeedbackPages.Impact getImpact() {
        return impact;
    }
}
