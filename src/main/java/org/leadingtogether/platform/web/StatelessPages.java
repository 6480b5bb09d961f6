package org.leadingtogether.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Set;

/**
 * The pages whose views are kept in no session, of two kinds.
 *
 * <p><b>Pages anyone may open</b> without signing in, whose backing beans keep nothing between requests (the front
 * door, sign-in, "Forgot your password?", choosing a new password from an emailed link, the sign-in problem page, the
 * error pages). Opening them gives a visitor no session, so asking for them over and over costs the portal no memory
 * (before, each visit left a session for 30 minutes, with the form's view state in it where there was a form), and a
 * form left open overnight still works in the morning. Every value their forms need is in the form itself, so nothing
 * is lost by building the view again when one is sent. Pages whose beans live as long as the view (a rater's
 * questionnaire, email choices from a link) are not among them.
 *
 * <p>Without a view state tied to the browser's session, Faces no longer tells a form forged on another site from the
 * portal's own; the sign-in checks the browser's {@code Sec-Fetch-Site} itself ({@code SignInBacking}).
 *
 * <p><b>Signed-in pages with nothing to send back</b>: pages that only show (the learner's home, the catalogue, a
 * module's page, the journal with its search, a manager's home, cohort dashboard, programme report and 360 impact,
 * the administrator's home and list of people, a coach's shared 360 reports), whose only forms are plain ones that
 * Faces never sees (a search sent as a link, signing out), and whose beans live for one request. The person has a
 * session anyway; what is saved is work done for a form that never comes back: Faces marks no initial state in a
 * transient view and saves none of it, and PrimeFaces keeps no CSP nonce for it in the session. They are the busiest
 * pages there are (the learner's home alone is a third of all pages in the load test), and keeping no state for them
 * raised the pages served a second at saturation by about a tenth (the README's "Performance").
 * {@code StatelessPagesTest} keeps this list honest: a page on it with a Faces form or an Ajax call, or with a bean
 * kept for the view, fails the build.
 *
 * <p>Two places read this list, because Faces makes a page's view in two ways. When a page is opened,
 * {@link StatelessPagesViewHandler} marks the view as soon as it is made, before PrimeFaces stores the response's CSP
 * nonce in the view, which would otherwise start a session. When a form comes back, Faces builds the view again from
 * the page, and the layout's {@code <f:view transient="#{statelessPages.contains(view.viewId)}">}
 * ({@code plain.xhtml}) marks it, as Faces requires of a view sent back without state. (No Faces form comes back to
 * the signed-in pages, so {@code layout.xhtml} needs no such mark.)
 */
@Named
@ApplicationScoped
public class StatelessPages {

    /** Pages anyone may open without signing in. */
    static final Set<String> ANYONE = Set.of("/index.xhtml", "/sign-in.xhtml", "/forgot-password.xhtml",
            "/reset-password.xhtml", "/sign-in-problem.xhtml", "/error/403.xhtml", "/error/404.xhtml", "/error/500.xhtml");

    /** Signed-in pages that only show: no Faces form, no Ajax, no bean kept for the view. */
    static final Set<String> SHOW_ONLY = Set.of("/learner/home.xhtml", "/learner/catalogue.xhtml", "/learner/module.xhtml",
            "/learner/journal.xhtml", "/manager/home.xhtml", "/manager/cohort.xhtml", "/manager/report.xhtml",
            "/manager/feedback-impact.xhtml", "/admin/home.xhtml", "/admin/people.xhtml", "/coach/feedback.xhtml");

    /** Whether the page {@code viewId} is kept in no session. */
    public static boolean isStateless(String viewId) {
        return viewId != null && (ANYONE.contains(viewId) || SHOW_ONLY.contains(viewId));
    }

    /** {@link #isStateless(String)} for the layout. */
    public boolean contains(String viewId) {
        return isStateless(viewId);
    }
}
