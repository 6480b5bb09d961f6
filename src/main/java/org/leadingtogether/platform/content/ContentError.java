package org.leadingtogether.platform.content;

/**
 * One problem in a content file, worded for the administrator who will open the file and fix it.
 *
 * <p>The path is relative to the content root and always uses forward slashes, so the same file is named the
 * same way on every operating system and in every report.
 *
 * @param path    the file (or folder) relative to the content root, such as {@code frameworks/lqf.yaml}
 * @param line    the 1-based line in the file, or 0 when the problem concerns the whole file
 * @param message what is wrong and, where it helps, how to put it right
 */
public record ContentError(String path, int line, String message) {

    /** Reads like a compiler message, {@code path:line: message}, which editors and people both recognise. */
    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
    }
}
