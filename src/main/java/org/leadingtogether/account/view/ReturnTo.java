package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to go back to after signing in. When someone asks for a protected page, the sign-in mechanism
 * sends them to {@link #signInPageFor}, which carries the page they asked for as {@code next}; after a
 * successful sign-in they are taken there, but only if {@link #isSafe(String) it is one of the
 * portal's own paths}, so that a crafted link cannot bounce someone to another site.
 */
@Named
@RequestScoped
public class ReturnTo {

    static final int MAX_LENGTH = 1000;

    @Inject
    private HttpServletRequest request;

    /** The sign-in page, remembering the page being asked for now. */
    public String getSignInPage() {
        return signInPageFor(request);
    }

    /** The sign-in page (relative to the context root), remembering the page a request asked for. */
    public static String signInPageFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            path += "?" + request.getQueryString();
        }
        return isSafe(path) && "GET".equals(request.getMethod())
                ? "/sign-in.xhtml?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                : "/sign-in.xhtml";
    }

    /** A path inside the portal: starts with one slash, no scheme or host, no line breaks, not too long. */
    public static boolean isSafe(String next) {
        return next != null
                && next.length() <= MAX_LENGTH
                && next.startsWith("/")
                && !next.startsWith("//")
                && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !next.startsWith("/sign-in.xhtml");
    }
}
