package org.leadingtogether.account;

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
 *
 * <p>When the check itself fails (the database does not answer), the answer is "not validated", never "invalid":
 * the person is told the portal is unavailable, not that their password is wrong, and the log says why.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    private SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return accounts.signIn(credential.getCaller(), credential.getPasswordAsString())
                    .map(outcome -> new CredentialValidationResult(
                            String.valueOf(outcome.personId()),
                            outcome.roles().stream().map(Role::name).collect(Collectors.toSet())))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (HashingPool.BusyException busy) {
            LOG.info("A sign-in waited too long for its password to be checked; the person was asked to try again");
            attempt.busy();
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        } catch (RuntimeException failed) {
            LOG.warning(() -> "A sign-in could not be checked, so the person was told the portal is unavailable: "
                    + rootMessage(failed));
            LOG.log(Level.FINE, "The sign-in check failed with", failed);
            attempt.unavailable();
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /**
     * Someone an identity provider has vouched for: the person linked to them, or refused with the reason kept for the
     * page ({@link SignInAttempt#getProviderProblem()}).
     */
    public CredentialValidationResult validate(VerifiedIdentity identity) {
        try {
            ProviderSignIn answer = accounts.signInThroughProvider(identity);
            if (answer.outcome().isEmpty()) {
                attempt.refuse(answer.problem());
                return CredentialValidationResult.INVALID_RESULT;
            }
            SignInOutcome outcome = answer.outcome().get();
            return new CredentialValidationResult(String.valueOf(outcome.personId()),
                    outcome.roles().stream().map(Role::name).collect(Collectors.toSet()));
        } catch (RuntimeException failed) {
            LOG.warning(() -> "A sign-in through identity provider " + identity.providerId() + " could not be completed: "
                    + rootMessage(failed));
            LOG.log(Level.FINE, "The sign-in failed with", failed);
            attempt.unavailable();
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
