package org.leadingtogether.account;

import jakarta.security.enterprise.credential.Credential;

import java.util.Set;

/**
 * Who a provider says someone is, taken from an ID token whose signature, issuer, audience, expiry and nonce have been
 * checked ({@link OpenIdConnect#finish}). Handed to Jakarta Security as the credential of a sign-in, so a sign-in
 * through a provider goes through the same mechanism, identity store and session as one with a password.
 *
 * @param emailVerified whether the provider vouches for the address (its {@code email_verified} claim, or a provider
 *                      configured to be trusted for its own domains)
 * @param idToken       the ID token as received, kept in the session for signing out at the provider
 */
public record VerifiedIdentity(String providerId, String issuer, String subject, String email, boolean emailVerified,
                               String givenName, String familyName, Set<String> groups, String idToken) implements Credential {
}
