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

    /** A cohort's average change over its dimensions, own or others' ratings. */
    public String overall(org.leadingtogether.feedback.ImpactFigures.Group group, boolean self) {
        double total = 0;
        int count = 0;
        for (var change : group.changes()) {
            Double value = self ? change.self() : change.others();
            if (value != null) {
                total += value;
                count++;
            }
        }
        return count == 0 ? "–" : String.format(java.util.Locale.UK, "%+.2f", total / count);
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
