package org.leadingtogether.account;

import java.util.Set;

/** A successful sign-in: whose it is and the roles they hold. */
public record SignInOutcome(long personId, Set<Role> roles) {
}
