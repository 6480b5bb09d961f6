package org.leadingtogether.account.view;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.ConfigProvider;
import org.leadingtogether.account.IdentityProvider;
import org.leadingtogether.account.OpenIdConnect;
import org.leadingtogether.account.PendingSignIn;
import org.leadingtogether.account.ProviderProblem;
import org.leadingtogether.account.SignInAttempt;
import org.leadingtogether.account.VerifiedIdentity;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signing in through an identity provider, in two steps:
 * <ol>
 *   <li>{@code GET /sign-in/provider?id=nhsmail[&hint=email][&next=page]} (the sign-in page's button, or the form
 *   when an email address of the provider's domain is typed): a new state, nonce and PKCE verifier are kept in the
 *   visitor's session and the browser is sent to the provider;</li>
 *   <li>{@code GET /sign-in/provider/callback?code=…&state=…}: the provider sends the browser back; the state must be
 *   one begun in this session (then forgotten, so the same return cannot be used twice), the code is exchanged and the
 *   ID token checked ({@link OpenIdConnect#finish}), and the identity is handed to Jakarta Security, whose mechanism
 *   ({@code PortalAuthenticationMechanism}) signs the person in exactly as a password does: the same checks, the same
 *   session.</li>
 * </ol>
 * Anything that stops a sign-in ends on {@code /sign-in-problem.xhtml}, which says what happened in plain words; the
 * log says why at INFO (nothing a visitor sends is worth a warning).
 */
@WebServlet({ProviderSignInServlet.BEGIN, ProviderSignInServlet.CALLBACK, ProviderSignInServlet.SIGNED_OUT})
public class ProviderSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProviderSignInServlet.class.getName());

    static final String BEGIN = "/sign-in/provider";
    static final String CALLBACK = "/sign-in/provider/callback";
    /**
     * Where a provider sends the browser back after signing out there (RP-initiated logout): a plain path, as some
     * providers (Entra ID) accept only registered addresses without a query. It leads to the sign-in page.
     */
    static final String SIGNED_OUT = "/sign-in/provider/signed-out";
    /** Sign-ins begun in this session and not yet returned, by state: a few, for a person with several tabs. */
    static final String PENDING = ProviderSignInServlet.class.getName() + ".pending";
    /** How the signed-in person signed in, for signing out at the provider too ({@link SignOutServlet}). */
    public static final String PROVIDER_SESSION = ProviderSignInServlet.class.getName() + ".provider";
    private static final int MAX_PENDING = 5;

    /** Which provider the session's person signed in through, and the ID token it gave, to sign out there too. */
    public record ProviderSession(String providerId, String idToken) implements Serializable {
    }

    @Inject
    private OpenIdConnect openIdConnect;

    @Inject
    private SecurityContext security;

    @Inject
    private SignInAttempt attempt;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CALLBACK.equals(request.getServletPath())) {
            finish(request, response);
        } else if (SIGNED_OUT.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/sign-in.xhtml?signedOut=true");
        } else {
            begin(request, response);
        }
    }

    private void begin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<IdentityProvider> provider = openIdConnect.providers().find(request.getParameter("id"));
        if (provider.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String next = request.getParameter("next");
        OpenIdConnect.Begun begun;
        try {
            begun = openIdConnect.begin(provider.get(), redirectUri(request), hint(request.getParameter("hint")),
                    ReturnTo.isSafe(next) ? next : null);
        } catch (OpenIdConnect.Refused refused) {
            problem(request, response, refused.problem(), refused.getMessage());
            return;
        }
        HttpSession session = request.getSession(true);
        Map<String, PendingSignIn> waiting = pending(session);
        while (waiting.size() >= MAX_PENDING) {
            waiting.remove(waiting.keySet().iterator().next());
        }
        waiting.put(begun.pending().state(), begun.pending());
        session.setAttribute(PENDING, waiting);
        if ("form".equals(request.getParameter("from"))) {
            // Sent on from the sign-in form: a redirect there would be blocked (see LeavingPage).
            LeavingPage.send(request, response, "Signing in with " + provider.get().label(),
                    "Your organisation signs you in with " + provider.get().label() + ". Taking you there now.",
                    "Sign in with " + provider.get().label(), begun.authorizationRequest());
            return;
        }
        response.sendRedirect(begun.authorizationRequest().toString());
    }

    private void finish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        PendingSignIn pending = null;
        if (session != null && state != null) {
            Map<String, PendingSignIn> waiting = pending(session);
            pending = waiting.remove(state);
            session.setAttribute(PENDING, waiting);
        }
        URI callback = URI.create(request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        VerifiedIdentity identity;
        try {
            identity = openIdConnect.finish(pending, callback);
        } catch (OpenIdConnect.Refused refused) {
            problem(request, response, refused.problem(), refused.getMessage());
            return;
        }
        // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
        request.changeSessionId();
        AuthenticationStatus status;
        try {
            status = security.authenticate(request, response, AuthenticationParameters.withParams().newAuthentication(true).credential(identity));
        } catch (RuntimeException failed) {
            LOG.warning(() -> "A sign-in through " + identity.providerId() + " could not be completed: " + failed);
            status = AuthenticationStatus.SEND_FAILURE;
            attempt.unavailable();
        }
        if (status != AuthenticationStatus.SUCCESS) {
            ProviderProblem problem = attempt.getProviderProblem() != null ? attempt.getProviderProblem()
                    : attempt.getRefusal() != null ? ProviderProblem.SLOWED
                    : ProviderProblem.PORTAL_UNAVAILABLE;
            problem(request, response, problem, "signed in at " + identity.providerId() + " as subject " + identity.subject());
            return;
        }
        request.getSession(true).setAttribute(PROVIDER_SESSION, new ProviderSession(identity.providerId(), identity.idToken()));
        String target = pending.next() != null ? pending.next() : "/index.xhtml";
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target);
    }

    /** Where the provider sends the browser back: under {@code PORTAL_URL} when it is set, else the address asked for. */
    static URI redirectUri(HttpServletRequest request) {
        return URI.create(portalAddress(request) + CALLBACK);
    }

    /** Where the provider sends the browser back after signing out there. */
    static URI signedOutUri(HttpServletRequest request) {
        return URI.create(portalAddress(request) + SIGNED_OUT);
    }

    /** The portal's own address: {@code PORTAL_URL} when it is set, else the address this request came to. */
    static String portalAddress(HttpServletRequest request) {
        Optional<String> portal = ConfigProvider.getConfig().getOptionalValue("portal.url", String.class)
                .map(String::strip).filter(url -> !url.isEmpty());
        return portal.map(url -> url.replaceAll("/+$", "")).orElseGet(() -> request.getScheme() + "://" + request.getServerName()
                + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath());
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
    }

    private static String hint(String hint) {
        return hint == null || hint.length() > 254 || hint.chars().anyMatch(c -> c < 0x20) ? null : hint.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingSignIn> pending(HttpSession session) {
        Object kept = session.getAttribute(PENDING);
        return kept instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, PendingSignIn>) map : new LinkedHashMap<>();
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, ProviderProblem problem, String detail)
            throws IOException {
        LOG.info(() -> "A sign-in through an identity provider ended with " + problem + ": " + detail);
        response.sendRedirect(request.getContextPath() + "/sign-in-problem.xhtml?reason=" + problem.code());
    }
}
