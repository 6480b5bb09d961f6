package org.leadingtogether.journal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a person looks for in their own journal: words, a kind, a framework element, a date range. Any part
 * may be empty. The words are matched here, in memory, against the opened text of each entry, because the
 * database holds only sealed text; every word must appear somewhere in the entry (title, stages, what was
 * learned, what will change, comments), in any case.
 */
public record JournalSearch(String words, EntryKind kind, String elementCode, LocalDate from, LocalDate to)
        implements Serializable {

    public static JournalSearch everything() {
        return new JournalSearch(null, null, null, null, null);
    }

    /** The search words, lower case, one per item; empty when there are none. */
    public List<String> needles() {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return Arrays.stream(words.strip().toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
    }

    /** Whether every search word appears in {@code text}. */
    public boolean matchesWords(String text) {
        String haystack = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return needles().stream().allMatch(haystack::contains);
    }

    public boolean isEmpty() {
        return needles().isEmpty() && kind == null && (elementCode == null || elementCode.isBlank()) && from == null && to == null;
    }
}
