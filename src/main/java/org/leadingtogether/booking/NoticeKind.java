package org.leadingtogether.booking;

/** Why an email is sent: a booking's, or another feature's sent through the same outbox. */
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
    FEEDBACK_REMINDER;

    /**
     * Whether the email's text carries a secret link, which the outbox forgets once the email is sent (see
     * {@link NoticeOutbox#sent(long, java.time.Instant, String)}): only its hash is kept by the feature it opens.
     */
    public boolean carriesSecretLink() {
        return this == FEEDBACK_INVITATION || this == FEEDBACK_REMINDER;
    }
}
