package org.leadingtogether.account.view;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.leadingtogether.account.IdentityProvider;
import org.leadingtogether.account.OpenIdConnect;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Signing out: a POST from the header's form, then the sign-in page.
 *
 * <p>A plain servlet rather than a Faces action: the header is on every page, and a Faces form there made
 * the server keep a view state in the session for every page anyone opened, even pages with nothing else
 * to submit. Only a signed-in person reaches it ({@code /account/*} in web.xml); the form carries the
 * session's own token ({@link SignedIn#getSignOutToken()}), so a form on another site cannot sign anyone
 * out. A request without the token is refused with 403 and changes nothing. A second sign-out sent before the first
 * had finished (a double click) finds the session ended and is told the same: signed out. Someone who signed in through an
 * identity provider is then sent to the provider to end their session there too (RP-initiated logout), and comes back
 * to the sign-in page.
 */
@WebServlet("/account/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SIGNED_OUT = "/sign-in.xhtml?signedOut=true";

    @Inject
    private SignedIn signedIn;

    @Inject
    private OpenIdConnect openIdConnect;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            // Let in while the session stood, which a sign-out sent just before this one has since ended: Sign out
            // clicked twice, or in two tabs. The person is signed out, which is what they asked for.
            response.sendRedirect(request.getContextPath() + SIGNED_OUT);
            return;
        }
        Object provider;
        try {
            if (!signedIn.isSignOutToken(request.getParameter("token"))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            provider = session.getAttribute(ProviderSignInServlet.PROVIDER_SESSION);
            request.logout();
            session.invalidate();
        } catch (IllegalStateException ended) {
            // The same a moment later: the other sign-out ended the session while this one was reading it, and the
            // container refuses an ended session.
            response.sendRedirect(request.getContextPath() + SIGNED_OUT);
            return;
        }
        if (provider instanceof ProviderSignInServlet.ProviderSession signedInThere) {
            // Signed in through an identity provider: its session ends too where it offers that (RP-initiated logout),
            // and it sends the browser back to the sign-in page.
            Optional<URI> there = openIdConnect.signOutAt(signedInThere.providerId(), signedInThere.idToken(),
                    ProviderSignInServlet.signedOutUri(request));
            if (there.isPresent()) {
                String label = openIdConnect.providers().find(signedInThere.providerId()).map(IdentityProvider::label)
                        .orElse(signedInThere.providerId());
                LeavingPage.send(request, response, "Signing you out of " + label,
                        "You have signed out of Leading Together. You are now being signed out of " + label + " too.",
                        "Sign out of " + label, there.get());
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + SIGNED_OUT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
