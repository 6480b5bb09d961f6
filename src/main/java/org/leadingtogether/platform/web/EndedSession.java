package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * A request let in while its session was there, which finds the session ended halfway through: the same person clicked
 * Sign out in another tab while this page was loading, or clicked it twice, or another of their requests found their
 * access changed and ended the session. From then on the container refuses any use of that session with an
 * {@link IllegalStateException} ("Session already invalidated"), which would otherwise reach the person as the error
 * page. Such a request is answered as it would have been a moment later, when it would have come without a session:
 * with the sign-in page (no message there, since this request cannot tell which of those ended it).
 *
 * <p>The rule is here once; servlets reach it as a filter (declared in web.xml just after {@link UnavailablePage}), Faces
 * requests through {@link PortalExceptionHandler}. The sign-out servlet answers its own case itself, with "You have
 * signed out", and the sign-in mechanism reads an ended session as none.
 */
public class EndedSession extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EndedSession.class.getName());

    /** The sign-in page, relative to the context root. */
    static final String SIGN_IN = "/sign-in.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failed) {
            if (isEnded(request, failed) && send(request, response)) {
                return;
            }
            throw failed;
        }
    }

    /**
     * Whether {@code failed} is the container refusing a session that ended while this request was being served: the
     * request came with a session, that session is no longer valid, and an {@link IllegalStateException} is among the
     * causes. A failure of any other kind, or of a request whose session still stands, is not this.
     */
    public static boolean isEnded(HttpServletRequest request, Throwable failed) {
        if (request.getRequestedSessionId() == null || request.isRequestedSessionIdValid()) {
            return false;
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    /** Sends the browser to the sign-in page, if nothing has been sent yet; says whether it did. */
    public static boolean send(ServletRequest request, ServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        noted(http);
        response.reset();
        ((HttpServletResponse) response).sendRedirect(http.getContextPath() + SIGN_IN);
        return true;
    }

    /** One line in the log for a request sent to the sign-in page by this rule. */
    static void noted(HttpServletRequest request) {
        LOG.info(() -> request.getMethod() + " " + request.getRequestURI() + " found its session ended by another request of "
                + "the same person (a sign-out in another tab, Sign out clicked twice, or their access changed) and was sent to "
                + "the sign-in page");
    }
}
