package org.leadingtogether.account;

import java.util.Optional;

/** The answer to a sign-in through an identity provider: the person signed in, or why not. */
public record ProviderSignIn(Optional<SignInOutcome> outcome, ProviderProblem problem) {

    static ProviderSignIn signedIn(SignInOutcome outcome) {
        return new ProviderSignIn(Optional.of(outcome), null);
    }

    static ProviderSignIn refused(ProviderProblem problem) {
        return new ProviderSignIn(Optional.empty(), problem);
    }
}
