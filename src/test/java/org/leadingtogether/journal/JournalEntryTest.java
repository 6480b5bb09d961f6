package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalEntryTest {

    private static JournalCipher cipher(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new JournalCipher(key);
    }

    /** An entry of {@code authorId} with the id the database would have given it. */
    static JournalEntry entry(long authorId, long id) {
        JournalEntry entry = new JournalEntry(authorId);
        try {
            java.lang.reflect.Field field = org.leadingtogether.platform.BaseEntity.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entry, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return entry;
    }

    private static EntryContent content() {
        return new EntryContent("A title", LocalDate.of(2026, 10, 2), EntryKind.FEEDBACK_RECEIVED, ReflectionModel.ROLFE,
                List.of("What \"happened\"", "", "Line one\nline two"), "Learned", " ", Set.of("LQF-1.1"),
                Set.of(NmcTheme.PRACTISE_EFFECTIVELY), new BigDecimal("1.25"), true, "a-lesson", null);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        JournalEntry entry = entry(7, 101);
        entry.write(content(), cipher(1));
        EntryContent read = entry.read(cipher(1));
        assertEquals("A title", read.title());
        assertEquals(List.of("What \"happened\"", "", "Line one\nline two"), read.stages());
        assertEquals("Learned", read.learned());
        assertNull(read.change(), "blank text is kept as nothing");
        assertEquals(Set.of("LQF-1.1"), read.elementCodes());
        assertEquals(Set.of(NmcTheme.PRACTISE_EFFECTIVELY), read.themes());
        assertEquals(new BigDecimal("1.25"), read.cpdHours());
        assertTrue(read.participatory());
        assertEquals("a-lesson", read.lessonKey());
        assertTrue(entry.isDraft());
    }

    @Test
    void aTextCannotBeMovedToAnotherEntryOfTheSameAuthorUnnoticed() throws Exception {
        JournalEntry first = entry(7, 101);
        first.write(content(), cipher(1));
        JournalEntry second = entry(7, 102);
        second.write(new EntryContent("Another title", null, null, ReflectionModel.FREE, List.of("Other words"), null, null, null,
                null, null, false, null, null), cipher(1));
        java.lang.reflect.Field title = JournalEntry.class.getDeclaredField("titleSealed");
        title.setAccessible(true);
        title.set(second, title.get(first));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> second.read(cipher(1)),
                "the first entry's title, copied into the second, does not open there");
        assertEquals("A title", first.read(cipher(1)).title());
    }

    @Test
    void anEntryWithoutItsIdCannotBeWritten() {
        assertThrows(IllegalStateException.class, () -> new JournalEntry(7).write(content(), cipher(1)));
    }

    @Test
    void anotherKeyCannotReadTheEntry() {
        JournalEntry entry = entry(7, 101);
        entry.write(content(), cipher(1));
        assertThrows(JournalCipher.UnreadableTextException.class, () -> entry.read(cipher(2)));
    }

    @Test
    void participatoryNeedsHours() {
        JournalEntry entry = entry(7, 101);
        EntryContent noHours = new EntryContent("T", null, null, ReflectionModel.FREE, List.of("x"), null, null, null, null,
                null, true, null, null);
        entry.write(noHours, cipher(1));
        assertFalse(entry.read(cipher(1)).participatory());
        assertEquals(BigDecimal.ZERO, entry.read(cipher(1)).participatoryHours());
    }

    @Test
    void savingRemembersTheFirstTimeAndSharingNeedsASavedEntry() {
        JournalEntry entry = new JournalEntry(7);
        assertThrows(IllegalStateException.class, () -> entry.shareThrough(3, Instant.EPOCH));
        entry.markSaved(Instant.parse("2026-10-02T10:00:00Z"));
        entry.markSaved(Instant.parse("2026-10-03T10:00:00Z"));
        assertEquals(Instant.parse("2026-10-02T10:00:00Z"), entry.getSavedAt());
        entry.shareThrough(3, Instant.parse("2026-10-04T10:00:00Z"));
        assertEquals(3L, entry.getSharedPairingId());
        entry.unshare();
        assertNull(entry.getSharedPairingId());
        assertNull(entry.getSharedAt());
    }

    @Test
    void theFormsOfAnEntryFallBackOnTheModelsStagesForTheAccountsQuestions() {
        EntryContent rolfe = content();
        assertEquals("Learned", rolfe.learnedOrStage());
        assertEquals("Line one\nline two", rolfe.changeOrStage(), "Now what? answers how practice will change");
        assertTrue(rolfe.allText().contains("Line one") && rolfe.allText().contains("A title"));
    }
}
