package org.leadingtogether.platform.content;

import java.util.Arrays;

/**
 * A Markdown file split into its YAML front matter and its body, remembering where each part starts so that
 * errors found later can name the line in the file rather than the line within a fragment.
 *
 * <p>The file must begin with a line of three dashes and the front matter ends at the next such line. Windows
 * line endings and a leading byte order mark are accepted, because files are edited on every kind of machine.
 */
public final class FrontMatter {

    static final String MISSING =
            "The file must start with front matter between two lines of three dashes (---).";

    private static final String FENCE = "---";

    private final String yaml;
    private final String body;
    private final int bodyFirstLine;

    private FrontMatter(String yaml, String body, int bodyFirstLine) {
        this.yaml = yaml;
        this.body = body;
        this.bodyFirstLine = bodyFirstLine;
    }

    /**
     * @throws YamlDocument.Invalid at line 1 when the file does not open with {@code ---} or the front matter
     *                              is never closed
     */
    public static FrontMatter split(String fileText) {
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (!isFence(lines[0])) {
            throw new YamlDocument.Invalid(1, MISSING);
        }
        for (int close = 1; close < lines.length; close++) {
            if (isFence(lines[close])) {
                String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, close));
                String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
                return new FrontMatter(yaml, body, close + 2);
            }
        }
        throw new YamlDocument.Invalid(1, MISSING);
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals(FENCE);
    }

    /** The front matter without its dashes, lines joined with {@code \n}. */
    public String yaml() {
        return yaml;
    }

    /** The file line on which the front matter starts: always 2, straight after the opening dashes. */
    public int yamlFirstLine() {
        return 2;
    }

    /** Everything after the closing dashes, lines joined with {@code \n}; empty when nothing follows. */
    public String body() {
        return body;
    }

    /** The file line on which the body starts, the line after the closing dashes. */
    public int bodyFirstLine() {
        return bodyFirstLine;
    }
}
