package org.leadingtogether.platform.security;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.security.Principal;

/**
 * The caller's principal for a session- or view-scoped bean, which travels with the session between the
 * instances of a cluster. Such a bean cannot keep the container's {@code SecurityContext}: it is marked
 * Serializable but holds parts that are not. This holder keeps it transient and looks it up again once it
 * has arrived on another instance.
 */
public final class SessionSafeSecurity implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient SecurityContext context;

    /** Who is calling, or null for a visitor. */
    public Principal callerPrincipal() {
        if (context == null) {
            context = CDI.current().select(SecurityContext.class).get();
        }
        return context.getCallerPrincipal();
    }
}
