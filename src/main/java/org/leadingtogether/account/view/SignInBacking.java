package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.IdentityProvider;
import org.leadingtogether.account.OpenIdConnect;
import org.leadingtogether.account.SignInAttempt;
import org.leadingtogether.account.SignInThrottle;
import org.leadingtogether.platform.web.Messages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sign-in page. It hands the email address and password to Jakarta Security and then goes back to the
 * page first asked for ({@code next}, see {@link ReturnTo}) or to the person's home, or says what went
 * wrong without saying whether the address has an account. An address of a domain an identity provider serves is
 * sent to that provider instead ({@link ProviderSignInServlet}), and each provider has its button above the form.
 */
@Named
@RequestScoped
public class SignInBacking {

    private static final Logger LOG = Logger.getLogger(SignInBacking.class.getName());

    private static final String FAILURE = SignInBacking.class.getName() + ".failure";

    @Inject
    private SecurityContext security;

    @Inject
    private AccountService accounts;

    @Inject
    private SignedIn signedIn;

    @Inject
    private FacesContext faces;

    @Inject
    private SignInAttempt attempt;

    @Inject
    private OpenIdConnect openIdConnect;

    private String email;
    private String password;
    private String next;

    /**
     * Someone already signed in who opens the sign-in page goes to their home instead. Without a session nobody is
     * signed in, and {@link SignedIn} is not asked: asking it would make a session to keep it in.
     */
    public void redirectIfSignedIn() throws IOException {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        if (session == null) {
            return;
        }
        if (session.getAttribute(FAILURE) instanceof String[] failure) {
            session.removeAttribute(FAILURE);
            email = failure[0];
            Messages.error(null, failure[1]);
        }
        if (signedIn.isPresent()) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + signedIn.getPerson().homePage());
        }
    }

    /** The identity providers, each with its button above the form. */
    public List<IdentityProvider> getProviders() {
        return openIdConnect.providers().all();
    }

    /** The page to go back to, as a query parameter for the providers' buttons (empty when there is none). */
    public String getNextParameter() {
        return ReturnTo.isSafe(next) ? "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "";
    }

    public void signIn() throws IOException {
        // An empty field is named at the field, and no attempt is made (nor counted against the address).
        boolean missing = false;
        if (email == null || email.isBlank()) {
            Messages.error("signIn:email", SignInMessages.EMAIL_MISSING);
            missing = true;
        }
        if (password == null || password.isEmpty()) {
            Messages.error("signIn:password", SignInMessages.PASSWORD_MISSING);
            missing = true;
        }
        if (missing) {
            faces.validationFailed();
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        if (isFromAnotherSite(request)) {
            // Login forgery: the page keeps no state, so no view state ties this form to the browser that opened it. The
            // browser says where the form was (Sec-Fetch-Site); one from another site's page signs nobody in.
            LOG.warning("A sign-in form sent from another site's page was refused");
            external.redirect(external.getRequestContextPath() + "/sign-in.xhtml");
            return;
        }
        Optional<IdentityProvider> provider = openIdConnect.providers().forEmail(email);
        if (provider.isPresent()) {
            // People of an organisation that signs in through its own provider sign in there, whatever they typed as a
            // password here: the address goes with them, so the provider can offer it.
            external.redirect(external.getRequestContextPath() + "/sign-in/provider?from=form&id=" + provider.get().id()
                    + "&hint=" + URLEncoder.encode(email.strip(), StandardCharsets.UTF_8) + getNextParameter());
            return;
        }
        // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
        request.getSession(true);
        request.changeSessionId();
        AuthenticationStatus status;
        try {
            status = security.authenticate(request, response, AuthenticationParameters.withParams()
                    .newAuthentication(true)
                    .credential(new UsernamePasswordCredential(email == null ? "" : email, new Password(password == null ? "" : password))));
        } catch (RuntimeException failed) {
            LOG.warning(() -> "A sign-in could not be completed, so the person was told the portal is unavailable: " + failed);
            attempt.unavailable();
            status = AuthenticationStatus.SEND_FAILURE;
        }
        switch (status) {
            case SUCCESS -> {
                signedIn.refresh();
                String target = ReturnTo.isSafe(next) ? next : signedIn.getPerson().homePage();
                // Not sendRedirect: that sends the answer at once, and the browser's next request could
                // overtake the sign-in mechanism still saving the new session's roles. Headers set here
                // leave only when the whole request, the mechanism included, has finished.
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", external.getRequestContextPath() + target);
                faces.responseComplete();
            }
            default -> {
                String message = failureMessage();
                // Post, redirect, get: the failed post is not re-rendered (nor resubmitted by a refresh);
                // the message and the address typed wait in the session for the next view of the page.
                request.getSession().setAttribute(FAILURE, new String[] {email, message});
                external.redirect(external.getRequestContextPath() + "/sign-in.xhtml"
                        + (ReturnTo.isSafe(next) ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : ""));
            }
        }
    }

    /**
     * Whether the browser says the form was sent from a page of another site ({@code Sec-Fetch-Site} is
     * {@code cross-site}, or {@code same-site} for a neighbouring subdomain). A browser too old to say, or a client that
     * is not a browser, is let through: for them the rule cannot be told.
     */
    static boolean isFromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
    }

    /** Why the sign-in failed, in the same words whether or not the address has an account. */
    private String failureMessage() {
        if (attempt.isUnavailable()) {
            return SignInMessages.UNAVAILABLE;
        }
        if (attempt.isBusy()) {
            return SignInMessages.BUSY;
        }
        if (attempt.getRefusal() != null) {
            return attempt.getRefusal();
        }
        try {
            Optional<String> locked = accounts.findSignInLock(email)
                    .map(remaining -> SignInMessages.locked(SignInThrottle.minutesRoundedUp(remaining)));
            return locked.isPresent() ? locked.get() : SignInMessages.wrong(accounts.countSignInFailures(email));
        } catch (RuntimeException unavailable) {
            LOG.warning(() -> "The sign-in lock could not be read: " + unavailable);
            return SignInMessages.UNAVAILABLE;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
