package org.leadingtogether.feedback;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Text as the PDFs' built-in Helvetica can show it: its WinAnsi encoding covers British and Irish names' accents and
 * typographic punctuation; anything else loses its accent, or becomes a question mark, rather than vanishing.
 */
final class PdfText {

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private PdfText() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (cp == '\n') {
                result.append('\n');
            } else if (Character.isISOControl(cp)) {
                result.append(' ');
            } else if (encoder.canEncode(ch)) {
                result.append(ch);
            } else {
                String plain = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                result.append(encoder.canEncode(plain) && !plain.isEmpty() ? plain : "?");
            }
        });
        return result.toString();
    }
}
