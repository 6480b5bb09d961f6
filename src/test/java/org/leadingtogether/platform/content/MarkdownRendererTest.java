package org.leadingtogether.platform.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {

    @Test
    void headingsListsAndEmphasisRender() {
        String html = MarkdownRenderer.toSafeHtml("""
                ## Why it matters

                Change goes better when people *listen* and **act**.

                - Go to the work
                - Ask what gets in the way

                1. First
                2. Second
                """);
        assertEquals("<h2>Why it matters</h2>\n"
                + "<p>Change goes better when people <em>listen</em> and <strong>act</strong>.</p>\n"
                + "<ul>\n<li>Go to the work</li>\n<li>Ask what gets in the way</li>\n</ul>\n"
                + "<ol>\n<li>First</li>\n<li>Second</li>\n</ol>", html);
    }

    @Test
    void headingLevelsAreKeptAsWritten() {
        Document page = render("## Section\n\n### Sub-section");
        assertEquals("Section", page.selectFirst("h2").text());
        assertEquals("Sub-section", page.selectFirst("h3").text());
        assertTrue(page.select("h1").isEmpty());
    }

    @Test
    void webAndMailLinksAreKeptAndMarkedNofollow() {
        Document page = render("[guide](https://example.org/guide) and [write](mailto:team@example.org)");
        assertEquals(2, page.select("a").size());
        Element web = page.selectFirst("a[href=https://example.org/guide]");
        assertEquals("nofollow noopener", web.attr("rel"));
        assertEquals("nofollow noopener", page.selectFirst("a[href=mailto:team@example.org]").attr("rel"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Text <script>alert(1)</script> inline",
            "<img src=x onerror=alert(1)>",
            "![photo](https://example.org/a.png)",
            "[click](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[click](JaVaScRiPt:alert(1))",
            "<iframe src=\"https://example.org\"></iframe>",
            "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a>",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "[ftp](ftp://example.org/file)"
    })
    void nothingDangerousSurvives(String markdown) {
        String html = MarkdownRenderer.toSafeHtml(markdown);
        Document page = Jsoup.parseBodyFragment(html);
        assertTrue(page.select("script, img, iframe, div").isEmpty(), html);
        for (Element element : page.body().getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertFalse(attribute.getKey().startsWith("on"), html);
                assertFalse(attribute.getValue().toLowerCase().contains("javascript:"), html);
            });
        }
        for (Element link : page.select("a[href]")) {
            String href = link.attr("href").toLowerCase();
            assertTrue(href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:"), html);
        }
    }

    @Test
    void rawHtmlIsShownAsTextRatherThanDropped() {
        Document page = render("Use <b>bold</b> carefully.");
        assertTrue(page.select("b").isEmpty());
        assertEquals("Use <b>bold</b> carefully.", page.text());
    }

    @Test
    void emptyOrMissingMarkdownGivesEmptyHtml() {
        assertEquals("", MarkdownRenderer.toSafeHtml(""));
        assertEquals("", MarkdownRenderer.toSafeHtml(null));
    }

    private static Document render(String markdown) {
        return Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(markdown));
    }
}
