package org.leadingtogether.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lesson's reading must hold beyond its front matter, worked out from the Markdown alone: the "Sources"
 * section that ends every lesson, and the length of the reading before it. Pure functions, so the rules are
 * tested without files.
 */
public final class LessonRules {

    /** Where a lesson's case-study scene may be set; counted across the library so no one setting dominates. */
    public static final Set<String> SETTINGS = Set.of("hospital", "primary care", "community health", "home care",
            "care home", "mental health", "learning disability", "children and families", "housing",
            "voluntary sector", "local authority", "public health", "system partnership", "ambulance", "pharmacy");

    /** The reading's expected length in words, before its sources. */
    public static final int WORDS_MIN = 350;
    public static final int WORDS_MAX = 700;

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SOURCES = Pattern.compile("(?i)sources");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.+?)\\s*$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    private LessonRules() {
    }

    /**
     * The reading split at its "Sources" heading.
     *
     * @param reading the Markdown before the heading (all of it when there is none)
     * @param sources the list items after the heading, or empty when there is no heading
     * @param problem what is wrong with the section, or empty when it is as it should be
     * @param line    the line of the body (counting from 0) the problem is at
     */
    public record Split(String reading, List<String> sources, Optional<String> problem, int line) {
    }

    /** Finds the "## Sources" section: it must be the last heading, followed by a list of at least one item. */
    public static Split split(String body) {
        String[] lines = body.split("\\R", -1);
        int sourcesLine = -1;
        int lastHeading = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) {
                lastHeading = i;
                if (SOURCES.matcher(heading.group(1)).matches()) {
                    sourcesLine = i;
                }
            }
        }
        if (sourcesLine < 0) {
            return new Split(body, List.of(), Optional.of("The lesson needs a '## Sources' section at the end of the"
                    + " reading, listing the documents its facts come from (author or body, title, year)."),
                    Math.max(0, lines.length - 1));
        }
        String reading = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, sourcesLine));
        if (lastHeading != sourcesLine) {
            return new Split(reading, List.of(), Optional.of("'Sources' must be the last section of the reading;"
                    + " move the sections after it above it."), sourcesLine);
        }
        List<String> sources = new ArrayList<>();
        for (int i = sourcesLine + 1; i < lines.length; i++) {
            Matcher item = ITEM.matcher(lines[i]);
            if (item.matches()) {
                sources.add(item.group(1));
            } else if (!lines[i].isBlank() && !sources.isEmpty() && lines[i].startsWith("  ")) {
                int last = sources.size() - 1;
                sources.set(last, sources.get(last) + " " + lines[i].strip());
            } else if (!lines[i].isBlank()) {
                return new Split(reading, sources, Optional.of("Write each source as a list item starting with '- '"
                        + " under 'Sources'."), i);
            }
        }
        if (sources.isEmpty()) {
            return new Split(reading, sources, Optional.of("The 'Sources' section lists no source; add at least one,"
                    + " as '- Body or author, *Title*, year.'"), sourcesLine);
        }
        return new Split(reading, List.copyOf(sources), Optional.empty(), sourcesLine);
    }

    /** Words in Markdown text, ignoring its punctuation and markup. */
    public static int words(String markdown) {
        Matcher word = WORD.matcher(markdown);
        int count = 0;
        while (word.find()) {
            count++;
        }
        return count;
    }
}
