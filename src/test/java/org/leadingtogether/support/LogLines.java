package org.leadingtogether.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines of the log of a portal a test started itself, for the message of a test that failed: the lines about one
 * subject from anywhere in the log (the listener, the boot commands, errors), and its end.
 */
public final class LogLines {

    private LogLines() {
    }

    /** The lines of {@code log} that match {@code pattern}, at most 40. */
    public static String matching(String log, String pattern) {
        Pattern wanted = Pattern.compile(pattern);
        return String.join("\n", log.lines().filter(line -> wanted.matcher(line).find()).limit(40).toList());
    }

    /** The lines of the file {@code log} that match {@code pattern}, at most 40. */
    public static String matching(Path log, String pattern) throws IOException {
        return matching(Files.readString(log), pattern);
    }

    /** The last {@code count} lines of {@code log}. */
    public static String tail(Path log, int count) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
