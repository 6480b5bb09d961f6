package org.leadingtogether.account.view;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Someone signed in with a temporary password goes to the password page, whatever address they ask for (pages,
 * downloads, exports, the subject access download, invitations), until they have chosen their own. Style sheets,
 * scripts, the error pages and signing out still work. A page's background (Faces ajax) request is told to go there
 * the way Faces understands, not with a redirect its script would take for the page's update.
 */
@WebFilter(filterName = "PasswordChangeFilter", urlPatterns = "/*")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PASSWORD_PAGE = "/account/password.xhtml";

    @Inject
    private SignedIn signedIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !isExempt(request)
                && signedIn.find().map(person -> person.mustChangePassword()).orElse(false)) {
            String target = request.getContextPath() + PASSWORD_PAGE;
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml;charset=UTF-8");
                response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target + "\"/></partial-response>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            response.sendRedirect(target);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What someone who must still choose a password may reach: that page, sign-out, the error pages and static files. */
    static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PASSWORD_PAGE) || path.equals("/account/sign-out") || path.startsWith("/error/")
                || path.startsWith("/jakarta.faces.resource/") || path.equals("/favicon.ico");
    }
}
