package org.leadingtogether.account.view;

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

    private SignInMessages() {
    }

    public static String locked(long minutes) {
        return "Too many attempts to sign in with this email address. For your security, try again in "
                + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
