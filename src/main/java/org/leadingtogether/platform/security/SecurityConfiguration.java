package org.leadingtogether.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles the portal knows. Who is calling is established by the account feature's
 * {@code PortalAuthenticationMechanism} (sign-in by email address and password, kept in the session) and
 * checked against its identity store; URL constraints per role are in web.xml and services check roles
 * again.
 */
@DeclareRoles({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {
}
