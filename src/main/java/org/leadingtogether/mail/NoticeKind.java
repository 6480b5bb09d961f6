package org.leadingtogether.mail;

/** Why an email is sent: a booking's, or another feature's (an account's, a 360's, a notification's). */
public enum NoticeKind {
    BOOKED,
    CANCELLED,
    MOVED,
    REMINDER,
    OVER_ENTITLEMENT,
    /** The account feature's email with a link to choose a new password (no booking). */
    PASSWORD_RESET,
    /** A 360 invitation: carries a rater's secret link. */
    FEEDBACK_INVITATION,
    /** A 360 reminder: carries a rater's secret link. */
    FEEDBACK_REMINDER,
    /** A notification sent at once (the notification feature's): carries a one-click link to change one's choices. */
    NOTIFICATION,
    /** The weekly digest of notifications: carries one-click links to change one's choices. */
    NOTIFICATION_DIGEST;

    /**
     * Whether the email's text carries a secret link, which the outbox forgets once the email is sent (see
     * {@link NoticeOutbox#sent(long, java.time.Instant, String)}): only its hash is kept by the feature it opens.
     */
    public boolean carriesSecretLink() {
        return this == FEEDBACK_INVITATION || this == FEEDBACK_REMINDER || this == NOTIFICATION || this == NOTIFICATION_DIGEST;
    }
}
