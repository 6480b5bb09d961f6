package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PBKDF2 password hashing with the portal's parameters: HMAC-SHA-256, 210,000 iterations, a 32-byte salt
 * and a 32-byte key. The hash string records its own parameters, so raising the iterations later still
 * verifies old hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    private Pbkdf2PasswordHash hash;

    /** Verified against when an email address has no account, so that a miss takes as long as a hit. */
    private String decoy;

    /** Passwords checked by this instance since it started, decoys included: the costly work a sign-in does. */
    private final AtomicLong checks = new AtomicLong();

    @PostConstruct
    void init() {
        hash.initialize(PARAMETERS);
        decoy = hash.generate("not-a-real-password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        checks.incrementAndGet();
        return storedHash != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, for an address with no account. Always false. */
    public boolean verifyDecoy(String password) {
        checks.incrementAndGet();
        hash.verify(password.toCharArray(), decoy);
        return false;
    }

    /** How many passwords this instance has checked since it started, decoys included. */
    public long getChecksMade() {
        return checks.get();
    }
}
