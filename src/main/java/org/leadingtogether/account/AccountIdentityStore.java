package org.leadingtogether.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.stream.Collectors;

/**
 * Tells Jakarta Security who someone is, by asking {@link AccountService#signIn}. The caller's name is
 * the person's id (an email address can change; the id cannot) and their groups are their roles, which
 * Payara maps to the roles of the same names.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.signIn(credential.getCaller(), credential.getPasswordAsString())
                .map(outcome -> new CredentialValidationResult(
                        String.valueOf(outcome.personId()),
                        outcome.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
