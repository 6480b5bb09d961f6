package org.leadingtogether.account;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Tells Jakarta Security who someone is, by asking {@link AccountService#signIn}. The caller's name is
 * the person's id (an email address can change; the id cannot) and their groups are their roles, which
 * Payara maps to the roles of the same names.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    private AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return accounts.signIn(credential.getCaller(), credential.getPasswordAsString())
                    .map(outcome -> new CredentialValidationResult(
                            String.valueOf(outcome.personId()),
                            outcome.roles().stream().map(Role::name).collect(Collectors.toSet())))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (EJBException raced) {
            // Two failed attempts for one address at the same moment: one count is kept, both are refused.
            LOG.log(Level.FINE, "Sign-in attempt raced another for the same address", raced);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
