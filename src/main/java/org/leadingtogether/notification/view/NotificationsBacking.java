package org.leadingtogether.notification.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.notification.NotificationService;
import org.leadingtogether.platform.web.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The notifications page ({@code /account/notifications.xhtml}): newest first, read or not, mark all read. A
 * notification's link goes through this page ({@code ?open=id}), which marks it read and moves on to the page it is
 * about; that page checks who may see it like any other.
 */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The most the page lists: enough for months of a busy coach. */
    static final int SHOWN = 100;

    @Inject
    private NotificationService notifications;

    private Long open;
    private List<NotificationService.Row> rows;

    public void load() throws IOException {
        if (open != null) {
            String link = notifications.open(open);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + link);
            return;
        }
        rows = notifications.findMine(SHOWN);
    }

    public String markAllRead() {
        int marked = notifications.markAllRead();
        Messages.flashInfo(marked == 0 ? "There was nothing unread." : marked == 1 ? "1 notification marked as read." : marked + " notifications marked as read.");
        return "/account/notifications?faces-redirect=true";
    }

    public boolean isAnyUnread() {
        return rows != null && rows.stream().anyMatch(r -> !r.read());
    }

    public List<NotificationService.Row> getRows() {
        return rows;
    }

    public Long getOpen() {
        return open;
    }

    public void setOpen(Long open) {
        this.open = open;
    }
}
