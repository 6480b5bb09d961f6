package org.leadingtogether.notification;

/** How a person hears about one kind of notification. */
public enum Delivery {
    /** In the portal only: the bell and the notifications page. */
    PORTAL("In the portal only"),
    /** In the portal and an email at once. */
    EMAIL("In the portal and an email at once"),
    /** In the portal and one email a week listing them. */
    DIGEST("In the portal and a weekly email listing them");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
