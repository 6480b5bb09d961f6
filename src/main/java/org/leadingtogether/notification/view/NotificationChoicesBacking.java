package org.leadingtogether.notification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.notification.Delivery;
import org.leadingtogether.notification.NotificationKind;
import org.leadingtogether.notification.NotificationService;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One's notification choices ({@code /account/notification-choices.xhtml}): per kind, the portal only, at once or weekly. */
@Named
@ViewScoped
public class NotificationChoicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationService notifications;

    private List<NotificationService.Choice> choices;
    /** The choice per kind's name, as the radio buttons send it. */
    private final Map<String, String> selected = new HashMap<>();

    public void load() {
        choices = notifications.getMyChoices();
        choices.forEach(c -> selected.put(c.kind().name(), c.delivery().name()));
    }

    public String save() {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationService.Choice choice : choices) {
            String value = selected.get(choice.kind().name());
            chosen.put(choice.kind(), value == null || value.isBlank() ? null : Delivery.valueOf(value));
        }
        notifications.saveMyChoices(chosen);
        Messages.flashInfo("Your choices are saved.");
        return "/account/notification-choices?faces-redirect=true";
    }

    public List<NotificationService.Choice> getChoices() {
        return choices;
    }

    public Map<String, String> getSelected() {
        return selected;
    }

    public Delivery[] getDeliveries() {
        return Delivery.values();
    }
}
