package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.IdentityProvider;
import org.leadingtogether.account.ResetRequest;
import org.leadingtogether.account.SignInProtection;
import org.leadingtogether.platform.AlreadyDoneException;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.web.FormIntent;

import java.io.IOException;
import java.util.Optional;

/**
 * "Forgot your password?": asks the account service for a link and shows the one answer it gives whatever the address
 * ({@code ?sent=true}, after a redirect so a refresh sends nothing again), or, for an address of an organisation that
 * signs in through an identity provider, the button to sign in there. Requests from one client address are limited
 * before the service is asked ({@link SignInProtection#chargeReset}).
 */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SignInProtection protection;

    @Inject
    private FacesContext faces;

    private String email;
    private boolean sent;
    private IdentityProvider provider;

    public void request() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<Long> wait = protection.chargeReset(request);
        if (wait.isPresent()) {
            throw new BusinessException("Too many requests for password links have come from your network. For your security,"
                    + " try again in " + wait.get() + (wait.get() == 1 ? " minute." : " minutes."));
        }
        ResetRequest answer;
        try {
            answer = accounts.requestPasswordReset(email, FormIntent.submitted(), ProviderSignInServlet.portalAddress(request));
        } catch (AlreadyDoneException sentTwice) {
            answer = ResetRequest.SENT_IF_KNOWN;
        }
        if (answer.sentIfKnown()) {
            external.redirect(external.getRequestContextPath() + "/forgot-password.xhtml?sent=true");
        } else {
            provider = answer.provider();
        }
    }


    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isSent() {
        return sent;
    }

    public void setSent(boolean sent) {
        this.sent = sent;
    }

    public IdentityProvider getProvider() {
        return provider;
    }
}
