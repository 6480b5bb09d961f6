package org.leadingtogether.account;

import java.io.Serializable;
import java.util.Set;

/** One line of the administrator's list of people, built by a JPQL constructor expression. */
public record PersonRow(long id, String givenName, String familyName, String email, String profession,
                        String organisation, boolean active, Set<Role> roles) implements Serializable {

    public PersonRow(Long id, String givenName, String familyName, String email, String profession,
                     String organisation, Boolean active) {
        this(id, givenName, familyName, email, profession, organisation, active, Set.of());
    }

    public PersonRow withRoles(Set<Role> roles) {
        return new PersonRow(id, givenName, familyName, email, profession, organisation, active, roles);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }
}
