package org.leadingtogether.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in through a provider that has begun and not finished: what the portal must remember, in the visitor's own
 * session, between sending them to the provider and their return. The {@code state} ties the return to this very
 * start (a return with any other state is refused), the {@code nonce} ties the ID token to it, and the code verifier
 * (PKCE) means a code intercepted on its way back cannot be exchanged by anyone else. Used once: the return removes it.
 *
 * @param next the portal page to go to afterwards (already checked to be one of the portal's own), or null
 */
public record PendingSignIn(String providerId, String state, String nonce, String codeVerifier, String redirectUri,
                            String next, Instant begunAt) implements Serializable {
}
