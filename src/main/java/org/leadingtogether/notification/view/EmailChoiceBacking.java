package org.leadingtogether.notification.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.notification.Delivery;
import org.leadingtogether.notification.NotificationService;

import java.io.Serializable;
import java.util.Optional;

/**
 * The page an email's one-click link opens ({@code /email-choices.xhtml?t=…}), without signing in: it shows the
 * choice the link is about and changes it only when the reader confirms (a mail scanner following the link changes
 * nothing). A link that does not work says so, with a 404.
 */
@Named
@ViewScoped
public class EmailChoiceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationService notifications;

    private String token;
    private NotificationService.LinkChoice choice;
    private String delivery;
    private boolean saved;

    public void load() {
        if (choice != null) {
            return;
        }
        Optional<NotificationService.LinkChoice> found = notifications.findChoiceByLink(token);
        if (found.isEmpty()) {
            ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse()).setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        choice = found.get();
        delivery = choice.delivery().name();
    }

    public String save() {
        choice = notifications.changeChoiceByLink(token, delivery == null || delivery.isBlank() ? null : Delivery.valueOf(delivery));
        saved = true;
        return null;
    }

    public boolean isWorking() {
        return choice != null;
    }

    public NotificationService.LinkChoice getChoice() {
        return choice;
    }

    public boolean isSaved() {
        return saved;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public Delivery[] getDeliveries() {
        return Delivery.values();
    }
}
