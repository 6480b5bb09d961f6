package org.leadingtogether.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A link to choose a new password, sent by email to a person who asked for it. The link carries a random token
 * (256 bits); the portal keeps only the token's SHA-256 hash, so what is in the database (or a backup of it) opens no
 * account. The link works once ({@link #use}) and for {@link #VALID_FOR} after it was asked for; choosing a password
 * through it also ends every earlier link of the same person, and, like any change of password, every session they
 * hold.
 */
@Entity
@Table(name = "password_reset")
@NamedQuery(name = "PasswordReset.findByHash", query = "SELECT r FROM PasswordReset r WHERE r.tokenHash = :hash")
@NamedQuery(name = "PasswordReset.endOthers", query = """
        UPDATE PasswordReset r SET r.usedAt = :now WHERE r.personId = :person AND r.usedAt IS NULL AND r.id <> :id""")
public class PasswordReset extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** How long a link works after it was asked for. */
    public static final Duration VALID_FOR = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {
        // for JPA
    }

    /** A link for {@code personId} asked for at {@code now}, for the token (which is not kept, only its hash). */
    public PasswordReset(long personId, String token, Instant now) {
        this.personId = personId;
        this.tokenHash = hash(token);
        this.expiresAt = now.plus(VALID_FOR);
    }

    /** A new random token for a link: 32 bytes from a strong source, URL-safe. */
    public static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The hash kept for a token, and looked up when a link is opened. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether a token could be one of ours, before asking the database: the right length and alphabet. */
    public static boolean isWellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** Whether the link still works at {@code now}: not used, not expired. */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Uses the link at {@code now}; refuses one that no longer works. */
    public void use(Instant now) {
        if (!isUsable(now)) {
            throw new IllegalStateException("A password reset link that no longer works was used");
        }
        usedAt = now;
    }

    public long getPersonId() {
        return personId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
