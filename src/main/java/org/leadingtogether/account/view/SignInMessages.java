package org.leadingtogether.account.view;

import org.leadingtogether.account.SignInThrottle;

/**
 * What the sign-in page says when sign-in fails. Both messages are the same whether or not the email
 * address has an account, so they cannot be used to find out who has one.
 */
public final class SignInMessages {

    public static final String WRONG = "The email address or password is not right. Check them and try again.";

    /** The portal could not check the password (its database did not answer): nothing to do with what was typed. */
    public static final String UNAVAILABLE = "The portal is unavailable just now, so you cannot sign in. Nothing is wrong with"
            + " your email address or password: please try again in a few minutes.";

    /** So many people are signing in that the password could not be checked in time: nothing was counted against it. */
    public static final String BUSY = "A great many people are signing in just now, so your password could not be checked."
            + " Nothing is wrong with what you typed: please try again in a minute.";

    /** At the email field when the form is sent without an address. */
    public static final String EMAIL_MISSING = "Enter your email address.";

    /** At the password field when the form is sent without a password. */
    public static final String PASSWORD_MISSING = "Enter your password.";

    /** Failures in a row after which the warning that the address will be locked is added to {@link #WRONG}. */
    public static final int WARN_AFTER = 3;

    private SignInMessages() {
    }

    /**
     * A wrong email address or password, {@code failures} times in a row for the address typed. From the third on,
     * the message warns that sign-in for it will be paused after {@link SignInThrottle#MAX_FAILURES}. Addresses with no
     * account are counted and locked just the same, so the warning says no more about who has an account than the
     * lock itself always has.
     */
    public static String wrong(int failures) {
        if (failures < WARN_AFTER || failures >= SignInThrottle.MAX_FAILURES) {
            return WRONG;
        }
        int left = SignInThrottle.MAX_FAILURES - failures;
        return WRONG + " After " + SignInThrottle.MAX_FAILURES + " failed attempts in a row, signing in with this email"
                + " address is paused for " + SignInThrottle.LOCK_DURATION.toMinutes() + " minutes: "
                + (left == 1 ? "1 attempt is left." : left + " attempts are left.")
                + " If you have forgotten your password, choose a new one instead.";
    }

    public static String locked(long minutes) {
        return "Too many attempts to sign in with this email address. For your security, try again in "
                + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
