package org.leadingtogether.platform.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrontMatterTest {

    @Test
    void splitsFrontMatterFromBodyAndKnowsWhereEachStarts() {
        FrontMatter split = FrontMatter.split("---\nid: a\ntitle: B\n---\n## Heading\n\nText\n");
        assertEquals("id: a\ntitle: B", split.yaml());
        assertEquals(2, split.yamlFirstLine());
        assertEquals("## Heading\n\nText\n", split.body());
        assertEquals(5, split.bodyFirstLine());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
        FrontMatter split = FrontMatter.split("\uFEFF---\r\nid: a\r\nminutes: 5\r\n---  \r\nText\r\n");
        assertEquals("id: a\nminutes: 5", split.yaml());
        assertEquals("Text\n", split.body());
        assertEquals(5, split.bodyFirstLine());
    }

    @Test
    void linesReportedForTheFrontMatterAreFileLines() {
        FrontMatter split = FrontMatter.split("---\nid: a\n\ntitle: B\n---\nBody");
        YamlDocument yaml = YamlDocument.parse(split.yaml(), split.yamlFirstLine());
        assertEquals(2, yaml.line("id"));
        assertEquals(4, yaml.line("title"));
    }

    @Test
    void aFileEndingAtTheClosingDashesHasAnEmptyBody() {
        FrontMatter split = FrontMatter.split("---\nid: a\n---");
        assertEquals("", split.body());
        assertEquals(4, split.bodyFirstLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "id: a\n---\n", "# Title\n", "---\nid: a\n", " ---\nid: a\n---\n", "----\nid: a\n----\n"})
    void missingOrUnclosedFrontMatterIsReportedAtLineOne(String text) {
        YamlDocument.Invalid invalid = assertThrows(YamlDocument.Invalid.class, () -> FrontMatter.split(text));
        assertEquals(1, invalid.line());
        assertEquals("The file must start with front matter between two lines of three dashes (---).",
                invalid.getMessage());
    }
}
