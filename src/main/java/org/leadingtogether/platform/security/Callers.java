package org.leadingtogether.platform.security;

import jakarta.ejb.SessionContext;
import org.leadingtogether.platform.AccessDeniedException;

import java.security.Principal;

/**
 * Who is calling a service. The sign-in mechanism names each caller by their person id, so services find
 * "my" records by that id and never by anything a page sends.
 */
public final class Callers {

    private Callers() {
    }

    /** The signed-in person's id; refuses a caller who is not signed in as a person. */
    public static long personId(SessionContext context) {
        Principal principal = context.getCallerPrincipal();
        try {
            return Long.parseLong(principal == null ? "" : principal.getName());
        } catch (NumberFormatException notAPerson) {
            throw new AccessDeniedException("Please sign in.");
        }
    }
}
