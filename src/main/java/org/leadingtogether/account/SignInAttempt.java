package org.leadingtogether.account;

import jakarta.enterprise.context.RequestScoped;

/**
 * What happened to this request's sign-in, beyond right or wrong, for the sign-in page to say: refused before any
 * password was checked (with the reason), not checkable because the database did not answer, or not checked in time
 * because too many people were signing in at once.
 */
@RequestScoped
public class SignInAttempt {

    private String refusal;
    private boolean unavailable;
    private boolean busy;
    private ProviderProblem providerProblem;

    public void refuse(String message) {
        this.refusal = message;
    }

    /** A sign-in through an identity provider refused, with the reason its page gives. */
    public void refuse(ProviderProblem problem) {
        this.providerProblem = problem;
    }

    /** Why a sign-in through an identity provider was refused, or null. */
    public ProviderProblem getProviderProblem() {
        return providerProblem;
    }

    /** The password could not be checked in time because so many people are signing in ({@link HashingPool}). */
    public void busy() {
        this.busy = true;
    }

    public boolean isBusy() {
        return busy;
    }

    public void unavailable() {
        this.unavailable = true;
    }

    /** The reason the attempt was refused unchecked, or null. */
    public String getRefusal() {
        return refusal;
    }

    public boolean isUnavailable() {
        return unavailable;
    }
}
