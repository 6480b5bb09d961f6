package org.leadingtogether.account.view;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Signing out: a POST from the header's form, then the sign-in page.
 *
 * <p>A plain servlet rather than a Faces action: the header is on every page, and a Faces form there made
 * the server keep a view state in the session for every page anyone opened, even pages with nothing else
 * to submit. Only a signed-in person reaches it ({@code /account/*} in web.xml); the form carries the
 * session's own token ({@link SignedIn#getSignOutToken()}), so a form on another site cannot sign anyone
 * out. A request without the token is refused with 403 and changes nothing.
 */
@WebServlet("/account/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private SignedIn signedIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!signedIn.isSignOutToken(request.getParameter("token"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/sign-in.xhtml?signedOut=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
