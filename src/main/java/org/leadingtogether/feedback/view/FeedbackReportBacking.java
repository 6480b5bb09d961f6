package org.leadingtogether.feedback.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.feedback.FeedbackFigures;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;
import org.leadingtogether.progress.RadarChart;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A 360 report: the learner's own ({@code /learner/feedback-report.xhtml?id=…}, with sharing), or one a coachee shares
 * with the caller ({@code /coach/feedback-report.xhtml?id=…}, with the debrief notes). Which one is decided by the page
 * through {@link #loadOwn} or {@link #loadShared}; the service checks the caller either way.
 */
@Named
@ViewScoped
public class FeedbackReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    private Long id;
    private FeedbackPages.Report report;
    private String radar;
    private String note;

    /** The learner's own report; before the round closes, their 360's page instead, saying when the report will be ready. */
    public String loadOwn() {
        try {
            report = feedback.getReport(id == null ? -1 : id);
        } catch (org.leadingtogether.platform.NotFoundException notTheirs) {
            throw notTheirs;
        } catch (org.leadingtogether.platform.BusinessException notReady) {
            Messages.flashInfo(notReady.getMessage());
            return "/learner/feedback-round?faces-redirect=true&id=" + id;
        }
        radar = radar(report);
        return null;
    }

    public void loadShared() {
        report = feedback.getSharedReport(id == null ? -1 : id);
        radar = radar(report);
    }

    public String share() {
        String coach = feedback.share(id);
        Messages.flashInfo("Your report is shared with " + coach + ". You can stop sharing it at any time.");
        return "/learner/feedback-report?faces-redirect=true&id=" + id;
    }

    public String unshare() {
        feedback.unshare(id);
        Messages.flashInfo("Your report is no longer shared: only you can see it.");
        return "/learner/feedback-report?faces-redirect=true&id=" + id;
    }

    public String addDebrief() {
        feedback.addDebrief(id, note, FormIntent.submitted());
        Messages.flashInfo("The note of the debrief is saved with your coaching records.");
        return "/coach/feedback-report?faces-redirect=true&id=" + id;
    }

    /** The radar: the learner's own figure per dimension, and all others' where every dimension can be shown. */
    static String radar(FeedbackPages.Report report) {
        FeedbackFigures.Report figures = report.figures();
        List<String> axes = figures.sections().stream().map(s -> s.dimension().name()).toList();
        List<Double> self = figures.dimensionValues(0);
        if (self.stream().anyMatch(v -> v == null)) {
            return null;
        }
        List<RadarChart.Series> series = new ArrayList<>();
        series.add(new RadarChart.Series("You", "rgb(11, 79, 138)", self));
        List<Double> others = figures.dimensionValues(figures.allOthersIndex());
        if (others.stream().noneMatch(v -> v == null)) {
            series.add(new RadarChart.Series("All others", "rgb(138, 90, 0)", others));
        }
        return RadarChart.json(axes, report.framework().maxScale(), series);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public FeedbackPages.Report getReport() {
        return report;
    }

    public String getRadar() {
        return radar;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
