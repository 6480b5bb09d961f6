package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final JournalCipher cipher = new JournalCipher(key(7));

    @Test
    void whatIsSealedOpensToTheSameText() {
        String text = "I felt out of my depth at the huddle – and said so. Siân helped. ✓";
        String sealed = cipher.seal(text, "journal-entry/1/title");
        assertEquals(text, cipher.open(sealed, "journal-entry/1/title"));
        assertFalse(sealed.contains("huddle"));
        assertNull(cipher.seal(null, "x"));
        assertNull(cipher.open(null, "x"));
        assertEquals("", cipher.open(cipher.seal("", "x"), "x"));
    }

    @Test
    void theSameTextSealsDifferentlyEachTimeWithAFreshTwelveByteIv() {
        String a = cipher.seal("same words", "c");
        String b = cipher.seal("same words", "c");
        assertNotEquals(a, b);
        byte[] bytes = Base64.getDecoder().decode(a);
        assertEquals(1, bytes[0], "format byte");
        assertEquals(1 + 12 + "same words".getBytes(StandardCharsets.UTF_8).length + 16, bytes.length, "format, IV, text, tag");
        assertFalse(Arrays.equals(Arrays.copyOfRange(bytes, 1, 13), Arrays.copyOfRange(Base64.getDecoder().decode(b), 1, 13)));
    }

    @Test
    void aValueWithAnyByteChangedIsRefused() {
        String sealed = cipher.seal("A reflection worth protecting", "journal-entry/1/stage/0");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        for (int i = 1; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String changed = Base64.getEncoder().encodeToString(tampered);
            assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(changed, "journal-entry/1/stage/0"), "byte " + i);
        }
    }

    @Test
    void aValueMovedToAnotherFieldOrPersonIsRefused() {
        String sealed = cipher.seal("private", "journal-entry/1/title");
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(sealed, "journal-entry/2/title"));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(sealed, "journal-entry/1/learned"));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.seal("private", "c");
        JournalCipher wrong = new JournalCipher(key(8));
        JournalCipher.UnreadableTextException refused = assertThrows(JournalCipher.UnreadableTextException.class, () -> wrong.open(sealed, "c"));
        assertTrue(refused.getMessage().contains("another key"), refused.getMessage());
    }

    @Test
    void somethingThatIsNotASealedValueIsRefused() {
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open("plain text, not sealed", "c"));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(Base64.getEncoder().encodeToString(new byte[10]), "c"));
        byte[] otherFormat = Base64.getDecoder().decode(cipher.seal("x", "c"));
        otherFormat[0] = 2;
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(Base64.getEncoder().encodeToString(otherFormat), "c"));
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new JournalCipher(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new JournalCipher(null));
    }
}
