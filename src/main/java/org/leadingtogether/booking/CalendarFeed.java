package org.leadingtogether.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A person's private calendar feed. Its address carries a random secret (256 bits); only the SHA-256 hash of
 * the secret is stored, so a copy of the database does not give anyone a working address. Making a new one
 * replaces the hash, which turns the old address off; turning the feed off deletes the row.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    protected CalendarFeed() {
    }

    public CalendarFeed(long personId) {
        this.personId = personId;
    }

    /** Makes a new secret, keeps its hash and returns the secret, which is never stored. */
    public String renew(Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokenHash = hash(token);
        if (createdAt == null) {
            createdAt = now;
        }
        modifiedAt = now;
        return token;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A secret as made by {@link #renew}: 43 characters of the URL-safe Base64 alphabet. */
    public static boolean looksLikeToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    public Long getPersonId() {
        return personId;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}
