package org.leadingtogether.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * The sign-in throttle's own short transactions, each committed at once so that other attempts for the same
 * address see it: {@link #charge} before a password is checked, {@link #settle} after. Only
 * {@link AccountService#signIn} calls them; they are a bean of their own because a transaction that must commit in
 * the middle of another method needs the container between the two.
 *
 * <p>Why the row is made in a statement of its own, and only then locked: a locking read of a row that does not
 * exist locks the gap in the index where it would go, and two sign-ins for new addresses in the same gap then
 * deadlock when each inserts. Once the row exists, the lock is on that row alone, so attempts for one address queue
 * behind each other and nobody else waits.
 */
@Stateless
@PermitAll
public class SignInAttempts {

    @PersistenceContext
    private EntityManager em;

    /** Makes sure the address has a throttle row, without locking anything beyond the statement. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureRow(String key) {
        em.createNativeQuery("INSERT IGNORE INTO sign_in_throttle (email_key, version, failed_attempts) VALUES (?, 0, 0)")
                .setParameter(1, key).executeUpdate();
    }

    /** Counts an attempt before its password is checked; false when it must not be checked (the address is locked). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean charge(String key, Instant now) {
        return locked(key).charge(now);
    }

    /** Settles a charged attempt once its password has been checked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settle(String key, boolean right, Instant now) {
        locked(key).settle(right, now);
    }

    /** Gives back a charged attempt whose password was never checked (the portal was too busy to check it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void withdraw(String key) {
        locked(key).withdraw();
    }

    /**
     * Stores a new hash of a person's password made at sign-in, unless the hash changed meanwhile (a password changed
     * in between wins). A statement of its own, committed at once, outside the sign-in that made it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replaceHash(long personId, String oldHash, String newHash) {
        em.createQuery("UPDATE Person p SET p.passwordHash = :made WHERE p.id = :id AND p.passwordHash = :old")
                .setParameter("made", newHash).setParameter("id", personId).setParameter("old", oldHash)
                .executeUpdate();
    }

    private SignInThrottle locked(String key) {
        SignInThrottle throttle = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throw new IllegalStateException("No sign-in throttle row for an address being signed in");
        }
        return throttle;
    }
}
