package org.leadingtogether.progress.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.web.Messages;
import org.leadingtogether.progress.ProgressOverview;
import org.leadingtogether.progress.ProgressService;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Rating oneself against the active framework. The form starts from the latest assessment; saving keeps
 * a new, dated one. Below it: the radar, the table of where one stands with the evidence, and the history.
 */
@Named
@ViewScoped
public class SelfAssessmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProgressService progress;

    private ProgressOverview overview;
    private String radar;
    /** Element id (as text, as the page sends it) to rating (as text; empty for "not rated"). */
    private final Map<String, String> ratings = new HashMap<>();
    private String strengths;
    private String toDevelop;

    public void load() {
        overview = progress.getOverview();
        radar = StandingChart.radar(overview);
        ratings.clear();
        if (overview.hasAssessment()) {
            overview.latest().ratings().forEach((element, rating) -> ratings.put(String.valueOf(element), String.valueOf(rating)));
        }
    }

    public String save() {
        Map<Long, Integer> chosen = new HashMap<>();
        for (FrameworkView.ElementView element : overview.framework().allElements()) {
            String value = ratings.get(String.valueOf(element.id()));
            if (value != null && !value.isBlank()) {
                chosen.put(element.id(), Integer.valueOf(value));
            }
        }
        progress.saveSelfAssessment(chosen, strengths, toDevelop);
        Messages.flashInfo("Your self-assessment is saved. Earlier ones are kept, so you can see how you change.");
        return "/learner/self-assessment?faces-redirect=true";
    }

    public ProgressOverview getOverview() {
        return overview;
    }

    public String getRadar() {
        return radar;
    }

    public Map<String, String> getRatings() {
        return ratings;
    }

    public String getStrengths() {
        return strengths;
    }

    public void setStrengths(String strengths) {
        this.strengths = strengths;
    }

    public String getToDevelop() {
        return toDevelop;
    }

    public void setToDevelop(String toDevelop) {
        this.toDevelop = toDevelop;
    }
}
