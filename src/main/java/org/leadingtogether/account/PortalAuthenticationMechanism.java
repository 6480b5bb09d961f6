package org.leadingtogether.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.leadingtogether.account.view.ReturnTo;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.web.UnavailablePage;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the portal knows who is calling, on every request: the one check every page, download, export and servlet
 * goes through.
 *
 * <p>Signing in (the sign-in page calls {@code SecurityContext.authenticate} with the email address and
 * password) asks the identity store and, on success, keeps the person's id and their
 * {@link Person#getAccessVersion() access version} in their HTTP session. Every later request reads the person
 * again from the database (one query: {@link AccountService#findSignedIn}) and tells the container who the caller is
 * and which roles they hold <em>now</em>. So an administrator's change applies at the caller's next request, on
 * every instance of a cluster: a role given is there, a role taken is gone, and a deactivation, a role taken away
 * or a password reset (each of which raises the access version) ends the session there and then, as does the
 * person's own change of password for every session but the one they changed it in. Only the portal's style sheets
 * and scripts skip the read: they are the same for everyone.
 *
 * <p>Keeping this in our own hands, rather than in the server's "auto apply session", matters for two more reasons
 * seen on Payara: under load the server's own session handling sometimes lost the roles of a person who had just
 * signed in (a 403 on their first page), and across a cluster the roles were not carried to another instance; a
 * session attribute is replicated with the session.
 *
 * <p>While the database is away the read fails: the session is kept and the request answered with the plain
 * "temporarily unavailable" page (503), so everyone carries on where they were once it is back.
 *
 * <p>A visitor asking for a protected page goes to the sign-in page, which remembers the page
 * ({@link ReturnTo}); a page's background (Faces ajax) request without a session is answered 401. Someone whose
 * session has just been ended is told so on the sign-in page.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CALLER = PortalAuthenticationMechanism.class.getName() + ".caller";

    /** The request attribute that holds the signed-in {@link CurrentPerson}, as read for this request. */
    public static final String SIGNED_IN = CurrentPerson.class.getName();

    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private AccountService accounts;

    @Inject
    private SignInProtection protection;

    @Inject
    private SignInAttempt attempt;

    /** Who is signed in, as kept in the session: the person's id, the access version they signed in at, their roles. */
    public record Caller(long personId, int accessVersion, Set<String> groups) implements Serializable {

        static Caller of(CurrentPerson person) {
            return new Caller(person.id(), person.accessVersion(),
                    person.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
        }
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        boolean ended = false;
        if (callerIn(session) instanceof Caller caller) {
            if (isStaticResource(request)) {
                return context.notifyContainerAboutLogin(String.valueOf(caller.personId()), caller.groups());
            }
            Optional<CurrentPerson> person;
            try {
                person = accounts.findSignedIn(caller.personId());
            } catch (RuntimeException failed) {
                // The database away is not a reason to end anyone's session: the page says the portal is unavailable.
                if (DatabaseErrors.isUnavailable(failed) && showUnavailable(request, response, failed)) {
                    return AuthenticationStatus.SEND_CONTINUE;
                }
                throw failed;
            }
            if (person.isPresent() && person.get().accessVersion() == caller.accessVersion()) {
                Caller now = Caller.of(person.get());
                if (!now.equals(caller)) {
                    try {
                        session.setAttribute(CALLER, now);
                    } catch (IllegalStateException endedMeanwhile) {
                        // Another request of theirs ended the session since it was read: this one is served as it was let in.
                    }
                }
                return signedIn(request, context, person.get());
            }
            // Deactivated, a role taken away, a password reset or changed elsewhere: this session is over.
            try {
                session.invalidate();
            } catch (IllegalStateException endedMeanwhile) {
                // Another request of theirs ended it first.
            }
            ended = true;
        }
        if (context.isProtected()) {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // A page's background request after the session has ended: a redirect would be followed by the
                // script and the sign-in page taken for the page's update. A plain 401 lets the page say so instead.
                return context.responseUnauthorized();
            }
            String signIn = ReturnTo.signInPageFor(request);
            if (ended) {
                signIn += (signIn.contains("?") ? "&" : "?") + "ended=true";
            }
            return context.redirect(request.getContextPath() + signIn);
        }
        return context.doNothing();
    }

    /**
     * Who the session says is signed in, or null: no session, none signed in, or a session ended by another request of
     * the same person since this one found it (Sign out clicked in another tab), which the container refuses to read.
     */
    private static Object callerIn(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(CALLER);
        } catch (IllegalStateException endedMeanwhile) {
            return null;
        }
    }

    /**
     * A sign-in through the form: refused unchecked when {@link SignInProtection} says so, then checked by the identity
     * store; a failure is counted against the client address, but a check that could not be made (the database did
     * not answer) is not a failure.
     */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        Optional<SignInGuard.Refusal> refusal = protection.check(request);
        if (refusal.isPresent()) {
            attempt.refuse(refusal.get().message());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            protection.recordFailure(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<CurrentPerson> person;
        try {
            person = accounts.findSignedIn(Long.parseLong(result.getCallerPrincipal().getName()));
        } catch (RuntimeException unavailable) {
            attempt.unavailable();
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (person.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true).setAttribute(CALLER, Caller.of(person.get()));
        return signedIn(request, context, person.get());
    }

    private static boolean showUnavailable(HttpServletRequest request, HttpServletResponse response, RuntimeException failed) {
        try {
            return UnavailablePage.show(request, response, failed);
        } catch (java.io.IOException notSent) {
            return false;
        }
    }

    private static AuthenticationStatus signedIn(HttpServletRequest request, HttpMessageContext context, CurrentPerson person) {
        request.setAttribute(SIGNED_IN, person);
        return context.notifyContainerAboutLogin(String.valueOf(person.id()),
                person.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }

    /** The portal's and PrimeFaces' style sheets, scripts and images: the same for everyone, so no database read. */
    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(RESOURCES) && !path.contains("dynamiccontent");
    }

    /**
     * Keeps the caller's own session going after they changed their own password, which raised their access version
     * to {@code accessVersion}: every other session of theirs ends at its next request, this one carries on.
     */
    public static void keepThisSession(HttpServletRequest request, int accessVersion) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof Caller caller) {
            session.setAttribute(CALLER, new Caller(caller.personId(), accessVersion, caller.groups()));
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }
}
