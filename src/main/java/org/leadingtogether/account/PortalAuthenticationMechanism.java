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

import java.io.Serializable;
import java.util.Set;

/**
 * How the portal knows who is calling, on every request.
 *
 * <p>Signing in (the sign-in page calls {@code SecurityContext.authenticate} with the email address and
 * password) asks the identity store and, on success, keeps the person's id and roles in their HTTP session.
 * Every later request tells the container again who the caller is and which roles they hold, from the
 * session. Keeping this in our own hands, rather than in the server's "auto apply session", matters for
 * two reasons seen on Payara: under load the server's own session handling sometimes lost the roles of a
 * person who had just signed in (a 403 on their first page), and across a cluster the roles were not
 * carried to another instance; a session attribute is replicated with the session.
 *
 * <p>A visitor asking for a protected page goes to the sign-in page, which remembers the page
 * ({@link ReturnTo}); a page's background (Faces ajax) request without a session is answered 401.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CALLER = PortalAuthenticationMechanism.class.getName() + ".caller";

    @Inject
    private IdentityStoreHandler identityStores;

    /** Who is signed in, as kept in the session: the person's id and their roles at sign-in. */
    public record Caller(String name, Set<String> groups) implements Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            Caller caller = new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
            request.getSession(true).setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // A page's background request after the session has ended: a redirect would be followed by the
                // script and the sign-in page taken for the page's update. A plain 401 lets the page say so instead.
                return context.responseUnauthorized();
            }
            return context.redirect(request.getContextPath() + ReturnTo.signInPageFor(request));
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }
}
