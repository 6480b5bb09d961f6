package org.leadingtogether.account;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in, as the pages need it: small and serialisable, so it can live in the HTTP session and
 * travel between the instances of a cluster.
 */
public record CurrentPerson(long id, String fullName, String email, Set<Role> roles, boolean mustChangePassword)
        implements Serializable {

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
