package org.leadingtogether.notification.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.notification.NotificationService;

/** The header's bell: the caller's unread count, one query per page that shows it, asked only when shown. */
@Named
@RequestScoped
public class NotificationBell {

    @Inject
    private NotificationService notifications;

    private Integer unread;

    public int getUnread() {
        if (unread == null) {
            unread = notifications.countUnread();
        }
        return unread;
    }
}
