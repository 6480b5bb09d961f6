package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.leadingtogether.account.ProviderProblem;

/** The page a sign-in through an identity provider ends on when nobody was signed in: which problem, from its code. */
@Named
@RequestScoped
public class SignInProblem {

    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The problem named in the address; an unknown or missing one reads as a sign-in that could not be completed. */
    public ProviderProblem getProblem() {
        return ProviderProblem.ofCode(reason).orElse(ProviderProblem.NOT_BEGUN_HERE);
    }
}
