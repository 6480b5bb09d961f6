package org.leadingtogether.journal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Authenticated encryption of journal text: AES-256 in GCM mode, from the JDK alone.
 *
 * <p>Each value is sealed on its own with a fresh random 12-byte IV and stored as base64 of
 * {@code format byte | IV | ciphertext and 16-byte tag}. The format byte leaves room for another key or
 * algorithm later without guessing what a stored value is.
 *
 * <p>Every value is bound to a <em>context</em> (additional authenticated data), such as
 * {@code entry/42/title}: it names whose entry and which field the text belongs to. A ciphertext copied
 * into another person's entry or another field therefore fails to open, as does any changed byte, and as
 * does a value sealed with another key. Failing to open is never quiet: {@link UnreadableTextException}.
 */
public final class JournalCipher {

    /** The length of the key in bytes: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public JournalCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A journal key is " + KEY_BYTES + " bytes (AES-256).");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The text sealed for storage, or null for null. */
    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
                    .put(FORMAT).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The text of a sealed value, or null for null; refuses a value changed, moved, or sealed with another key. */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            throw new UnreadableTextException("A journal value is not in the stored form (" + context + ").");
        }
        if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
            throw new UnreadableTextException("A journal value is not in the stored form (" + context + ").");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(Arrays.copyOfRange(bytes, 1 + IV_BYTES, bytes.length));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new UnreadableTextException("A journal value failed its integrity check (" + context
                    + "): it was changed, moved from elsewhere, or sealed with another key.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** A stored value could not be opened: changed, moved, or sealed with another key. Never shown to a user as is. */
    public static class UnreadableTextException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UnreadableTextException(String message) {
            super(message);
        }
    }
}
