package org.leadingtogether.platform.content;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlDocumentTest {

    private static final String LESSON = """
            id: first
            minutes: 8
            version: 2012
            active: yes
            empty:
            reflection: >-
              Two lines
              of text.
            tags: [a, b]
            check:
              - question: Why?
                options:
                  - One
                  - Two
                answer: 1
              - question: How?
            """;

    @Test
    void valuesAreReadByKind() {
        YamlDocument doc = YamlDocument.parse(LESSON, 1);
        assertEquals(Optional.of("first"), doc.string("id"));
        assertEquals(Optional.of(8), doc.integer("minutes"));
        assertEquals(Optional.of("2012"), doc.string("version"), "a number can be read as text");
        assertTrue(doc.bool("active", false));
        assertEquals(Optional.of("Two lines of text."), doc.string("reflection"));
        assertEquals(List.of("a", "b"), doc.strings("tags"));
    }

    @Test
    void absentAndEmptyKeysGiveNothing() {
        YamlDocument doc = YamlDocument.parse(LESSON, 1);
        assertFalse(doc.has("empty"));
        assertFalse(doc.has("missing"));
        assertTrue(doc.has("id"));
        assertEquals(Optional.empty(), doc.string("empty"));
        assertEquals(Optional.empty(), doc.integer("missing"));
        assertEquals(List.of(), doc.strings("missing"));
        assertEquals(List.of(), doc.mappings("missing"));
        assertTrue(doc.bool("missing", true));
    }

    @Test
    void linesAreFileLinesCountedFromTheFirstLineGiven() {
        YamlDocument doc = YamlDocument.parse(LESSON, 2);
        assertEquals(2, doc.firstLine());
        assertEquals(2, doc.line("id"));
        assertEquals(3, doc.line("minutes"));
        assertEquals(2, doc.line("missing"), "an absent key belongs at the start");
    }

    @Test
    void mappingsInAListKeepTheirOwnLines() {
        YamlDocument doc = YamlDocument.parse(LESSON, 2);
        List<YamlDocument> questions = doc.mappings("check");
        assertEquals(2, questions.size());
        YamlDocument first = questions.get(0);
        assertEquals(12, first.firstLine());
        assertEquals(13, first.line("options"));
        assertEquals(16, first.line("answer"));
        assertEquals(List.of("One", "Two"), first.strings("options"));
        assertEquals(17, questions.get(1).firstLine());
        assertEquals(17, questions.get(1).line("answer"), "an absent key belongs at the start of its item");
    }

    @Test
    void aValueOfTheWrongKindIsReportedAtItsKey() {
        YamlDocument doc = YamlDocument.parse("title: [a, b]\nminutes: ten\nactive: maybe\ntags: one\nlist:\n  - a\n", 2);
        assertInvalid(3, "'minutes' must be a whole number, such as 10, not 'ten'.", () -> doc.integer("minutes"));
        assertInvalid(2, "'title' must be a single piece of text, not a list.", () -> doc.string("title"));
        assertInvalid(4, "'active' must be true or false, not 'maybe'.", () -> doc.bool("active", false));
        assertInvalid(5, "'tags' must be a list, written as [first, second] or one '- item' per line.",
                () -> doc.strings("tags"));
        assertInvalid(7, "Each item under 'list' must be a set of keys and values, starting with '- '.",
                () -> doc.mappings("list"));
    }

    @Test
    void anEmptyListItemIsReportedAtItsLine() {
        YamlDocument doc = YamlDocument.parse("options:\n  - One\n  -\n", 1);
        assertInvalid(3, "Each item under 'options' must be a short piece of text.", () -> doc.strings("options"));
    }

    @Test
    void malformedYamlGivesTheFileLineOfTheProblem() {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class,
                () -> YamlDocument.parse("id: a\ntitle: Leading: change\n", 2));
        assertEquals(3, invalid.line());
        assertTrue(invalid.getMessage().startsWith("The YAML is malformed: mapping values are not allowed here."),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains("put the whole value in quotes"));
    }

    @Test
    void badIndentationIsReportedAtTheLineWhereItShows() {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class,
                () -> YamlDocument.parse("check:\n  - question: a\n    options:\n      - b\n   answer: 1\n", 10));
        assertEquals(14, invalid.line());
        assertTrue(invalid.getMessage().contains("indentation"), invalid.getMessage());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class,
                () -> YamlDocument.parse("id: a\ntitle: 'Leading\nminutes: 5\n", 1));
        assertEquals(2, invalid.line());
        assertTrue(invalid.getMessage().contains("every quote and bracket"), invalid.getMessage());
    }

    @Test
    void tabsAreExplainedPlainly() {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class,
                () -> YamlDocument.parse("id: a\n\tminutes: 5\n", 2));
        assertEquals(3, invalid.line());
        assertEquals("The YAML is malformed: it contains a tab character. Indent with spaces, not tabs.",
                invalid.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtItsSecondLine() {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class,
                () -> YamlDocument.parse("id: a\ncheck:\n  - question: a\n    question: b\n", 1));
        assertEquals(4, invalid.line());
        assertEquals("The key 'question' appears more than once; keep only one of them.", invalid.getMessage());
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertInvalid(5, "The YAML must be a set of keys and values, one per line, such as 'id: my-id'.",
                () -> YamlDocument.parse("- a\n- b\n", 5));
        assertInvalid(2, "The YAML must be a set of keys and values, one per line, such as 'id: my-id'.",
                () -> YamlDocument.parse("# only a comment\n", 2));
    }

    private static void assertInvalid(int line, String message, Runnable read) {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class, read::run);
        assertEquals(line, invalid.line());
        assertEquals(message, invalid.getMessage());
    }
}
