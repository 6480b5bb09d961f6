package org.leadingtogether.account.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.CurrentPerson;
import org.leadingtogether.account.Role;
import org.leadingtogether.platform.security.SessionSafeSecurity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is signed in, loaded once per session for the layout (name, navigation) and for filters. The
 * roles that guard pages are the container's; this is for display and for the temporary-password rule.
 */
@Named
@SessionScoped
public class SignedIn implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    /** Who is calling; see {@link SessionSafeSecurity} for why it is not an injected SecurityContext. */
    private final SessionSafeSecurity security = new SessionSafeSecurity();

    private CurrentPerson person;

    /** The signed-in person, or empty for a visitor. */
    public Optional<CurrentPerson> find() {
        Principal principal = security.callerPrincipal();
        if (principal == null) {
            person = null;
            return Optional.empty();
        }
        if (person == null || !String.valueOf(person.id()).equals(principal.getName())) {
            person = accounts.getCurrentPerson();
        }
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

    /** Forget the cached person, e.g. after they changed their password. */
    public void refresh() {
        person = null;
    }

}
