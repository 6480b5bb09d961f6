package org.leadingtogether.account;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in, as the pages need it, read afresh from the database on every request (see
 * {@link PortalAuthenticationMechanism}): so a changed name, a role given or taken and a deactivation all show at
 * the next request. {@code accessVersion} is the person's {@link Person#getAccessVersion() access version} now.
 */
public record CurrentPerson(long id, String fullName, String email, Set<Role> roles, boolean mustChangePassword,
                            int accessVersion) implements Serializable {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The first home page this person may see, in the order learner, coach, manager, administrator. */
    public String homePage() {
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                return role.homePage();
            }
        }
        return "/account/password.xhtml";
    }
}
