package org.leadingtogether.account;

/**
 * The answer to "Forgot your password?". {@link #SENT_IF_KNOWN} whether or not the address has an account, so the
 * answer tells nobody who has one; {@link #useProvider} when the address's organisation signs in through an identity
 * provider (known from the domain alone, so it says nothing about the address either).
 */
public record ResetRequest(IdentityProvider provider) {

    public static final ResetRequest SENT_IF_KNOWN = new ResetRequest(null);

    static ResetRequest useProvider(IdentityProvider provider) {
        return new ResetRequest(provider);
    }

    public boolean sentIfKnown() {
        return provider == null;
    }
}
