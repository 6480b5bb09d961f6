package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JournalResealingTest {

    private static JournalCipher cipher() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return new JournalCipher(key);
    }

    @Test
    void aValueSealedToItsAuthorAndFieldIsSealedAgainToItsEntryToo() {
        JournalCipher cipher = cipher();
        String old = cipher.seal("A reflection", JournalEntry.legacyContext(5, "title"));
        String resealed = new JournalResealing(cipher).reseal(old, 5, 42, "title");
        assertEquals("A reflection", cipher.open(resealed, JournalEntry.sealContext(5, 42, "title")));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> cipher.open(resealed, JournalEntry.sealContext(5, 43, "title")),
                "bound to entry 42 alone");
        assertNull(new JournalResealing(cipher).reseal(null, 5, 42, "learned"), "nothing stays nothing");
    }

    @Test
    void aValueThatDoesNotOpenStopsTheMigrationRatherThanBeingMadeToLookGenuine() {
        JournalCipher cipher = cipher();
        String moved = cipher.seal("Someone else's words", JournalEntry.legacyContext(6, "title"));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> new JournalResealing(cipher).reseal(moved, 5, 42, "title"));
    }
}
