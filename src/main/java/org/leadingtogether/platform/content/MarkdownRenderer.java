package org.leadingtogether.platform.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns lesson and module Markdown into HTML that can be placed in a page as it is.
 *
 * <p>Two layers, because either alone has gaps: CommonMark escapes any raw HTML written in the Markdown, so a
 * {@code <script>} in a file shows as text; jsoup then keeps only a known set of tags and attributes, so nothing
 * the renderer might produce (an image, an event handler, a {@code javascript:} link) reaches a learner's
 * browser. Images are left out because content must not pull in files from elsewhere; links may only go to
 * http, https or mailto addresses and are marked {@code nofollow noopener}. Headings are kept at the level the
 * author chose (lessons start at {@code ##}, below the page's own heading).
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private MarkdownRenderer() {
    }

    /** @return safe HTML; empty when the Markdown is empty or {@code null} */
    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, output).strip();
    }
}
