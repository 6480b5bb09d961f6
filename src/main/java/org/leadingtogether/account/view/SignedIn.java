package org.leadingtogether.account.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.CurrentPerson;
import org.leadingtogether.account.PortalAuthenticationMechanism;
import org.leadingtogether.account.Role;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is signed in, for the layout (name, navigation), filters and servlets. The person is the one the sign-in
 * mechanism read from the database for this very request ({@link PortalAuthenticationMechanism#SIGNED_IN}), never a
 * copy kept in the session, so a name changed, a role given or a password to choose show at once. The roles that
 * guard pages are the container's; this is for display and for the temporary-password rule.
 */
@Named
@SessionScoped
public class SignedIn implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private AccountService accounts;

    /**
     * The request being served (the container's proxy, which follows the current request). Layouts ask for the person
     * a dozen times a page; looking the request up through {@code CDI.current()} each time walked the call stack to
     * find the bean manager and cost about a twentieth of every page under load.
     */
    @Inject
    private HttpServletRequest request;

    private String signOutToken;

    /** The signed-in person, or empty for a visitor. */
    public Optional<CurrentPerson> find() {
        // The request's own principal, which the container set when it authenticated this request: the same caller as
        // the security context's, but read from a field, where the security context builds a parser of the caller's
        // subject on each call (about a fiftieth of every page, asked a dozen times a page).
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        if (request.getAttribute(PortalAuthenticationMechanism.SIGNED_IN) instanceof CurrentPerson person
                && String.valueOf(person.id()).equals(principal.getName())) {
            return Optional.of(person);
        }
        CurrentPerson person = accounts.getCurrentPerson();
        request.setAttribute(PortalAuthenticationMechanism.SIGNED_IN, person);
        return Optional.of(person);
    }

    public boolean isPresent() {
        return find().isPresent();
    }

    public CurrentPerson getPerson() {
        return find().orElse(null);
    }

    public boolean hasRole(String role) {
        return find().map(p -> p.hasRole(Role.valueOf(role))).orElse(false);
    }

    /**
     * A random value for this session that the header's sign-out form sends back, so that a form on another
     * site cannot sign anyone out (see {@link SignOutServlet}).
     */
    public String getSignOutToken() {
        if (signOutToken == null) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            signOutToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return signOutToken;
    }

    /** Whether {@code token} is this session's sign-out token (compared in constant time). */
    boolean isSignOutToken(String token) {
        return signOutToken != null && token != null
                && MessageDigest.isEqual(signOutToken.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the person again for the rest of this request, e.g. after they changed their password. */
    public void refresh() {
        request.removeAttribute(PortalAuthenticationMechanism.SIGNED_IN);
    }

}
