package org.leadingtogether.learning.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkSummary;
import org.leadingtogether.learning.ContentStatus;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.platform.web.Messages;

import java.util.List;

/** The administrator's content page: frameworks (and which is active), modules, the last import and its problems. */
@Named
@RequestScoped
public class ContentAdminBacking {

    @Inject
    private LearningService learning;

    @Inject
    private FrameworkService frameworks;

    private ContentStatus status;
    private List<FrameworkSummary> frameworkList;

    public void load() {
        status = learning.getContentStatus();
        frameworkList = frameworks.findFrameworks();
    }

    public String reload() {
        ContentStatus after = learning.reloadContent();
        String toImprove = after.warningCount() == 0 ? ""
                : " " + after.warningCount() + (after.warningCount() == 1 ? " thing" : " things") + " to improve: see below.";
        if (after.errorCount() == 0) {
            Messages.flashInfo("Content reloaded: no problems found." + toImprove);
        } else {
            Messages.flashInfo("Content reloaded with " + after.errorCount() + (after.errorCount() == 1 ? " problem" : " problems")
                    + ". Modules with problems keep their last good version." + toImprove);
        }
        return "/admin/content?faces-redirect=true";
    }

    public String activate(long id) {
        frameworks.activate(id);
        Messages.flashInfo("The active framework has changed. Earlier ratings stay with the version they were made against.");
        return "/admin/content?faces-redirect=true";
    }

    public ContentStatus getStatus() {
        return status;
    }

    public List<FrameworkSummary> getFrameworks() {
        return frameworkList;
    }
}
