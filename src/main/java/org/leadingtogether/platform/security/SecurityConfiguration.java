package org.leadingtogether.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in with the portal's own page. A visitor who asks for a protected page is redirected to
 * {@code /sign-in.xhtml?next=…} and, once signed in, taken back to the page they asked for (see
 * {@code ReturnTo} in the account feature). The sign-in page
 * itself hands the email address and password to {@code SecurityContext.authenticate}, which asks the
 * account feature's identity store.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(
                // Evaluated per request: the sign-in page with the page asked for as "next".
                loginPage = "#{returnTo.signInPage}",
                errorPage = "",
                useForwardToLogin = false))
@DeclareRoles({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {
}
