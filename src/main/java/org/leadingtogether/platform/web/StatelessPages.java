package org.leadingtogether.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Set;

/**
 * The pages whose views are kept in no session: those anyone may open without signing in and whose backing beans keep
 * nothing between requests (the front door, sign-in, "Forgot your password?", choosing a new password from an emailed
 * link, the sign-in problem page, the error pages). Opening them gives a visitor no session, so asking for them over
 * and over costs the portal no memory (before, each visit left a session for 30 minutes, with the form's view state
 * in it where there was a form), and a form left open overnight still works in the morning. Every value their forms
 * need is in the form itself, so nothing is lost by building the view again when one is sent. Pages whose beans live
 * as long as the view (a rater's questionnaire, email choices from a link) are not among them.
 *
 * <p>Without a view state tied to the browser's session, Faces no longer tells a form forged on another site from the
 * portal's own; the sign-in checks the browser's {@code Sec-Fetch-Site} itself ({@code SignInBacking}).
 *
 * <p>Two places read this list, because Faces makes a page's view in two ways. When a page is opened,
 * {@link StatelessPagesViewHandler} marks the view as soon as it is made, before PrimeFaces stores the response's CSP
 * nonce in the view, which would otherwise start a session. When a form comes back, Faces builds the view again from
 * the page, and the layout's {@code <f:view transient="#{statelessPages.contains(view.viewId)}">}
 * ({@code plain.xhtml}) marks it, as Faces requires of a view sent back without state.
 */
@Named
@ApplicationScoped
public class StatelessPages {

    private static final Set<String> VIEWS = Set.of("/index.xhtml", "/sign-in.xhtml", "/forgot-password.xhtml",
            "/reset-password.xhtml", "/sign-in-problem.xhtml", "/error/403.xhtml", "/error/404.xhtml", "/error/500.xhtml");

    /** Whether the page {@code viewId} is kept in no session. */
    public static boolean isStateless(String viewId) {
        return viewId != null && VIEWS.contains(viewId);
    }

    /** {@link #isStateless(String)} for the layout. */
    public boolean contains(String viewId) {
        return isStateless(viewId);
    }
}
