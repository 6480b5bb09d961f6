package org.leadingtogether.account;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One OpenID Connect identity provider the portal signs people in through, as configured by the environment (see
 * {@link IdentityProviders} for the settings).
 *
 * @param id             short name in the settings and in addresses, e.g. {@code nhsmail}
 * @param label          what the sign-in button says after "Sign in with", e.g. {@code NHSmail}
 * @param issuer         the provider's issuer; its metadata is read from {@code /.well-known/openid-configuration}
 * @param domains        the email domains it serves, in lower case: people of these domains sign in through it, are
 *                       never sent a password reset, and only people of these domains sign in through it
 * @param unknownPeople  what happens to someone the portal does not know yet
 * @param emailClaim     the ID token claim that holds the email address ({@code email} by default)
 * @param trustEmails    whether the provider's email addresses count as verified without an {@code email_verified}
 *                       claim: right for an organisation's own directory (Entra ID), which owns its domains
 * @param groupsClaim    the ID token claim that lists the person's groups, or null when roles stay the portal's
 * @param groupRoles     which group gives which role (only with a groups claim); the roles named here follow the
 *                       groups at every sign-in, every other role stays the portal's to give
 */
public record IdentityProvider(String id, String label, URI issuer, String clientId, String clientSecret,
                               Set<String> domains, UnknownPeople unknownPeople, String emailClaim, boolean trustEmails,
                               String groupsClaim, Map<String, Role> groupRoles) implements Serializable {

    /** What to do with a person the portal has no account for. */
    public enum UnknownPeople {
        /** Refused, with a page saying to ask the programme's administrator. */
        REFUSE,
        /** Given a learner account, linked to the provider. */
        CREATE_LEARNER
    }

    /** Whether this provider serves the domain of {@code email}. */
    public boolean serves(String email) {
        return domainOf(email) != null && domains.contains(domainOf(email));
    }

    /** The roles whose holding follows the provider's groups. */
    public Set<Role> mappedRoles() {
        return Set.copyOf(groupRoles.values());
    }

    /** The domain of an email address, in lower case, or null if it has none. */
    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.strip().lastIndexOf('@');
        return at < 1 || at == email.strip().length() - 1 ? null : email.strip().substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
