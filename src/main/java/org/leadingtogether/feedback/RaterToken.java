package org.leadingtogether.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in a rater's link: 256 random bits, written as 43 URL-safe characters. Only its SHA-256 hash is stored
 * (as {@code booking.CalendarFeed} does for calendar addresses), so a copy of the database opens nobody's questions,
 * and there is nothing to enumerate: a guess has one chance in 2<sup>256</sup>. Every email to a rater (the invitation
 * and each reminder) carries a link of its own; each works until that rater's answers are sent or the round closes.
 */
public final class RaterToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private RaterToken() {
    }

    /** A new secret; keep {@link #hash} of it and put the secret itself only in the email. */
    public static String create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code token} has the shape {@link #create} gives; anything else is not looked up at all. */
    public static boolean looksLikeToken(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
