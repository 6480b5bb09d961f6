package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's password hashes: Argon2id at an OWASP setting ({@link Argon2idHash}) for every hash made now, and
 * the PBKDF2 hashes made before it (HMAC-SHA-256, 210,000 iterations, below today's guidance) still verified, so
 * that nobody is locked out. {@link AccountService#signIn} makes a PBKDF2 hash again as Argon2id when its owner next
 * signs in with the right password ({@link #rehashIfIdle}).
 *
 * <p>Every check and every new hash runs inside the {@link HashingPool}, so however many people sign in at once,
 * hashing takes at most the pool's share of the cores.
 */
@ApplicationScoped
public class PasswordHasher {

    /** The parameters the PBKDF2 hashes of earlier versions were made with; their strings record them too. */
    static final Map<String, String> LEGACY_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    private Pbkdf2PasswordHash legacy;

    @Inject
    private HashingPool pool;

    private final Argon2idHash argon2id = Argon2idHash.current();

    /** Verified against when an email address has no account, so that a miss takes as long as a hit. */
    private String decoy;

    /** Passwords checked by this instance since it started, decoys included: the costly work a sign-in does. */
    private final AtomicLong checks = new AtomicLong();

    @PostConstruct
    void init() {
        legacy.initialize(LEGACY_PARAMETERS);
        decoy = argon2id.hash("not-a-real-password".toCharArray());
    }

    /** A new Argon2id hash of {@code password}, waiting for the pool ({@link HashingPool.BusyException} if it cannot). */
    public String hash(String password) {
        return pool.run(() -> argon2id.hash(password.toCharArray()));
    }

    /** Whether {@code password} matches {@code storedHash}, Argon2id or legacy PBKDF2, checked inside the pool. */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return pool.run(() -> {
            checks.incrementAndGet();
            return matches(password, storedHash);
        });
    }

    /** Spends the same time as a real check, for an address with no account. Always false. */
    public boolean verifyDecoy(String password) {
        return pool.run(() -> {
            checks.incrementAndGet();
            Argon2idHash.verify(password.toCharArray(), decoy);
            return false;
        });
    }

    /**
     * Checks a made-up password against the decoy on the caller's thread, outside the pool and uncounted: what
     * {@link SignInWarmUp} does a few dozen times at start, so that the hash's code is compiled before people sign in.
     */
    void warmUp() {
        Argon2idHash.verify("warming-up".toCharArray(), decoy);
    }

    /** Whether {@code storedHash} was made some other way than today's, and should be made again at sign-in. */
    public boolean needsNewHash(String storedHash) {
        return storedHash != null && !argon2id.isCurrent(storedHash);
    }

    /**
     * A new hash of {@code password} if a pool permit is free this moment, or empty: in a rush, remaking an old hash
     * waits for a later sign-in rather than doubling the cost of this one.
     */
    public Optional<String> rehashIfIdle(String password) {
        AtomicReference<String> made = new AtomicReference<>();
        pool.runIfIdle(() -> made.set(argon2id.hash(password.toCharArray())));
        return Optional.ofNullable(made.get());
    }

    /** A legacy PBKDF2 hash, made only by tests and the data generator to stand for hashes made by earlier versions. */
    String legacyHash(String password) {
        return legacy.generate(password.toCharArray());
    }

    private boolean matches(String password, String storedHash) {
        if (Argon2idHash.isArgon2id(storedHash)) {
            return Argon2idHash.verify(password.toCharArray(), storedHash);
        }
        try {
            return legacy.verify(password.toCharArray(), storedHash);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** How many passwords this instance has checked since it started, decoys included. */
    public long getChecksMade() {
        return checks.get();
    }
}
