package org.leadingtogether.account;

import jakarta.enterprise.context.RequestScoped;

/**
 * What happened to this request's sign-in, beyond right or wrong, for the sign-in page to say: refused before any
 * password was checked (with the reason), or not checkable because the database did not answer.
 */
@RequestScoped
public class SignInAttempt {

    private String refusal;
    private boolean unavailable;
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
