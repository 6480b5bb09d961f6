package org.leadingtogether.account.view;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Someone signed in with a temporary password goes to the password page, whatever they ask for, until
 * they have chosen their own. Style sheets, scripts and the error pages still load.
 */
@WebFilter(filterName = "PasswordChangeFilter", urlPatterns = "*.xhtml")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PASSWORD_PAGE = "/account/password.xhtml";

    @Inject
    private SignedIn signedIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean exempt = path.equals(PASSWORD_PAGE) || path.startsWith("/error/") || path.startsWith("/jakarta.faces.resource/");
        if (!exempt && request.getUserPrincipal() != null
                && signedIn.find().map(person -> person.mustChangePassword()).orElse(false)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
