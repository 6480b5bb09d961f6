package org.leadingtogether.notification;

import org.leadingtogether.account.Role;

/**
 * What a notification is about, who gets it, and how it reads. The words say that something happened and who did
 * it, never what was written.
 */
public enum NotificationKind {
    REFLECTION_SHARED(Role.COACH, "A coachee shares a reflection with you", "%s shared a reflection with you"),
    COACH_COMMENTED(Role.LEARNER, "Your coach comments on a reflection you shared", "%s commented on a reflection you shared"),
    SESSION_RECORDED(Role.LEARNER, "Your coach records a coaching session", "%s recorded a coaching session with you"),
    BEHIND_PACE(Role.LEARNER, "You fall behind the pace your cohort expects (at most once a week)",
            "You are behind the pace your cohort expects by now"),
    COACH_REQUEST(Role.COACH, "A request to coach someone waits for your answer", "%s is waiting for your answer to a coaching request");

    private final Role role;
    private final String choiceLabel;
    private final String pattern;

    NotificationKind(Role role, String choiceLabel, String pattern) {
        this.role = role;
        this.choiceLabel = choiceLabel;
        this.pattern = pattern;
    }

    /** The role whose holders can receive this kind. */
    public Role getRole() {
        return role;
    }

    /** How the choices page names the kind. */
    public String getChoiceLabel() {
        return choiceLabel;
    }

    /** The notification's one line, with the name of the person who did it (if any). */
    public String title(String aboutName) {
        return pattern.contains("%s") ? String.format(pattern, aboutName == null ? "Someone" : aboutName) : pattern;
    }

    /** Until a person chooses, every kind is emailed at once: nobody misses what was there before they chose. */
    public Delivery defaultDelivery() {
        return Delivery.EMAIL;
    }
}
