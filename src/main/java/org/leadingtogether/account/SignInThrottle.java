package org.leadingtogether.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins for one email address and locks it after {@link #MAX_FAILURES} in a row.
 *
 * <p>Kept per email address, not per person, and for addresses nobody has: the answer to a wrong guess
 * is the same whether or not the account exists, so the lock cannot be used to discover who has an
 * account. A successful sign-in clears the count; a lock lasts {@link #LOCK_DURATION} from the last
 * failure and then the count starts again. Kept in the database, so every instance of a cluster agrees.
 *
 * <p>An attempt is {@link #charge counted before its password is checked} (in a transaction of its own, under a
 * row lock) and {@link #settle settled} afterwards: a right password clears the count, a wrong one leaves it
 * counted. So guesses sent all at once for one address queue on the row and only the first five are checked at
 * all; a sixth arriving while they are still being checked is refused and locks the address.
 */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @Column(name = "email_key", length = Person.EMAIL_MAX)
    private String emailKey;

    @Version
    private int version;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected SignInThrottle() {
        // for JPA
    }

    public SignInThrottle(String email) {
        this.emailKey = Person.normaliseEmail(email);
    }

    /** Whether sign-in for this address is refused at {@code now}, whatever the password. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** How long the lock still lasts at {@code now}, if it is locked. */
    public Optional<Duration> remainingLock(Instant now) {
        return isLocked(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /**
     * Counts an attempt at {@code now}, before its password is checked, as if it were wrong. Returns whether its
     * password may be checked: false while the address is locked, and false (locking it) when the attempts already
     * counted, finished or still being checked, have used up the allowance.
     */
    public boolean charge(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failedAttempts = 0;
            lockedUntil = null;
        }
        if (isLocked(now)) {
            return false;
        }
        if (failedAttempts >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK_DURATION);
            return false;
        }
        failedAttempts++;
        lastFailureAt = now;
        return true;
    }

    /** The password of a {@link #charge charged} attempt was checked: right clears the count, wrong keeps it (the fifth locks). */
    public void settle(boolean right, Instant now) {
        if (right) {
            failedAttempts = 0;
            lockedUntil = null;
            return;
        }
        lastFailureAt = now;
        if (failedAttempts >= MAX_FAILURES && !isLocked(now)) {
            lockedUntil = now.plus(LOCK_DURATION);
        }
    }

    /** A {@link #charge charged} attempt whose password was never checked: it no longer counts. */
    public void withdraw() {
        if (failedAttempts > 0) {
            failedAttempts--;
        }
    }

    /** A wrong password (or unknown address) at {@code now}: an attempt charged and settled as wrong. */
    public void recordFailure(Instant now) {
        if (charge(now)) {
            settle(false, now);
        }
    }

    /** A successful sign-in: the count starts again. */
    public void recordSuccess() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    /** Whole minutes left, rounded up and never less than one, for "try again in N minutes". */
    public static long minutesRoundedUp(Duration remaining) {
        long seconds = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
        return Math.max(1, (seconds + 59) / 60);
    }
}
