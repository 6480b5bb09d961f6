package org.leadingtogether.feedback.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;

import java.util.List;

/** The 360 reports coachees share with the coach now ({@code /coach/feedback.xhtml}). */
@Named
@RequestScoped
public class SharedReportsBacking {

    @Inject
    private FeedbackService feedback;

    private List<FeedbackPages.Shared> shared;

    public void load() {
        shared = feedback.findSharedWithMe();
    }

    public List<FeedbackPages.Shared> getShared() {
        return shared;
    }
}
