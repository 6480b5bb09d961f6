package org.leadingtogether.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * A person's link to an identity provider, for the administrator's person page: the provider's label as configured now
 * (its name in the settings when it is no longer configured) and when they last signed in through it.
 */
public record ProviderLinkRow(long id, String providerLabel, Instant lastSignInAt) implements Serializable {
}
