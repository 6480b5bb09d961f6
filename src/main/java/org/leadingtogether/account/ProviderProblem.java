package org.leadingtogether.account;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a sign-in through an identity provider did not end in a signed-in person, each with the words of the page that
 * says so ({@code /sign-in-problem.xhtml?reason=…}). None of them says more than the person can already know: an
 * address the portal does not know is named only to the person who has just proved, at their provider, that it is
 * theirs.
 */
public enum ProviderProblem {

    /** The return did not belong to a sign-in begun in this browser (a tampered or stale state, or none). */
    NOT_BEGUN_HERE("This sign-in could not be completed",
            "The answer from your organisation's sign-in service did not match a sign-in started in this browser, so it"
                    + " was not accepted. This happens if the page was opened from an old link or bookmark. Start again from"
                    + " the sign-in page."),
    /** The provider did not accept the code (used already, expired, or not issued to the portal). */
    CODE_REFUSED("This sign-in could not be completed",
            "Your organisation's sign-in service did not confirm this sign-in: the link it sent you back with had already"
                    + " been used or had expired. Start again from the sign-in page."),
    /** The ID token failed its checks (signature, issuer, audience, expiry or nonce). */
    TOKEN_REFUSED("This sign-in could not be completed",
            "The portal could not confirm who you are from your organisation's answer, so it did not sign you in."
                    + " Start again from the sign-in page; if it happens again, tell your organisation's IT service desk."),
    /** The person cancelled at the provider, or the provider refused them. */
    CANCELLED("You have not been signed in",
            "Signing in at your organisation was cancelled or refused. You can start again from the sign-in page."),
    /** The provider could not be reached or answered with an error. */
    PROVIDER_UNAVAILABLE("Your organisation's sign-in service is unavailable",
            "The portal could not reach your organisation's sign-in service just now. Please try again in a few minutes."),
    /** No portal account has this address, and the provider is set to refuse such people. */
    UNKNOWN_PERSON("There is no account for you in the portal yet",
            "You signed in at your organisation, but nobody has given your email address an account in Leading Together."
                    + " Ask your programme manager or the portal's administrator to add you, then sign in again."),
    /** The provider did not vouch for the email address. */
    EMAIL_NOT_VERIFIED("Your email address could not be confirmed",
            "Your organisation's sign-in service did not confirm your email address, so the portal cannot tell which"
                    + " account is yours. Ask your organisation's IT service desk to verify your address."),
    /** The address is not of a domain the provider serves. */
    WRONG_DOMAIN("This sign-in service is not for your email address",
            "The account you signed in with at this service has an email address of another organisation. Sign in with"
                    + " the service of the organisation your address belongs to, or with your email address and password."),
    /** The portal account is already linked to a different person at this provider. */
    LINKED_TO_ANOTHER("This account is linked to someone else",
            "The portal account with your email address is already linked to a different account at your organisation's"
                    + " sign-in service. Ask the portal's administrator to check the account."),
    /** The account is deactivated. */
    DEACTIVATED("Your account is not active",
            "Your account in Leading Together has been deactivated, so you cannot sign in, whichever way you try. If you"
                    + " think this is a mistake, ask your programme manager or the portal's administrator."),
    /** The provider's groups leave the person with no role at all. */
    NO_ROLE("You have no role in the portal",
            "Your organisation's groups give you no role in Leading Together. Ask your programme manager or the portal's"
                    + " administrator."),
    /** Too many failed sign-ins from this network just now. */
    SLOWED("Too many attempts to sign in",
            "There have been too many failed attempts to sign in from your network. For your security, wait a few minutes"
                    + " and try again."),
    /** The portal's own database did not answer. */
    PORTAL_UNAVAILABLE("The portal is unavailable just now",
            "The portal could not complete your sign-in because it is unavailable just now. Please try again in a few minutes.");

    private final String title;
    private final String explanation;

    ProviderProblem(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    public String getTitle() {
        return title;
    }

    public String getExplanation() {
        return explanation;
    }

    /** The value of {@code reason} in the problem page's address. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ProviderProblem> ofCode(String code) {
        for (ProviderProblem problem : values()) {
            if (problem.code().equals(code)) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
