package org.leadingtogether.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows what {@link IdentifyingInfoDetector} found where it is: the text cut into plain and marked pieces, whole
 * when short or as excerpts around each finding when long. Finding and showing are kept apart so the rules of
 * what identifies a person can be read (and changed) without the layout of the warning, and the other way round.
 */
public final class MarkedText {

    private MarkedText() {
    }

    /** A piece of text, marked with the kind of finding it is or {@code null} for plain text between findings. */
    public record Segment(String text, IdentifyingInfoDetector.Kind kind) implements java.io.Serializable {
        public boolean isMarked() {
            return kind != null;
        }
    }

    /** The text cut into plain and marked pieces, for showing the findings highlighted where they are. */
    public static List<Segment> segments(String text, List<IdentifyingInfoDetector.Finding> findings) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (IdentifyingInfoDetector.Finding finding : findings) {
            if (finding.start() > at) {
                segments.add(new Segment(text.substring(at, finding.start()), null));
            }
            segments.add(new Segment(text.substring(finding.start(), finding.end()), finding.kind()));
            at = finding.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    /** How much text an excerpt keeps on each side of a finding in a long field. */
    static final int EXCERPT_CONTEXT = 60;

    /** Fields up to this length are shown whole in a warning; longer ones as excerpts around each finding. */
    static final int EXCERPT_WHOLE = 400;

    /**
     * The findings in their context for a warning: the whole text when it is short, otherwise a stretch of text
     * around each finding (stretches that touch are joined), with an ellipsis where text is left out.
     */
    public static List<Segment> excerpt(String text, List<IdentifyingInfoDetector.Finding> findings) {
        if (text.length() <= EXCERPT_WHOLE || findings.isEmpty()) {
            return segments(text, findings);
        }
        List<int[]> windows = new ArrayList<>();
        for (IdentifyingInfoDetector.Finding f : findings) {
            int from = Math.max(0, f.start() - EXCERPT_CONTEXT);
            int to = Math.min(text.length(), f.end() + EXCERPT_CONTEXT);
            if (!windows.isEmpty() && from <= windows.get(windows.size() - 1)[1]) {
                windows.get(windows.size() - 1)[1] = Math.max(to, windows.get(windows.size() - 1)[1]);
            } else {
                windows.add(new int[] {from, to});
            }
        }
        List<Segment> result = new ArrayList<>();
        for (int[] window : windows) {
            if (window[0] > 0) {
                result.add(new Segment("\u2026", null));
            }
            List<IdentifyingInfoDetector.Finding> inside = findings.stream().filter(f -> f.start() >= window[0] && f.end() <= window[1])
                    .map(f -> new IdentifyingInfoDetector.Finding(f.kind(), f.start() - window[0], f.end() - window[0], f.text())).toList();
            result.addAll(segments(text.substring(window[0], window[1]), inside));
        }
        if (windows.get(windows.size() - 1)[1] < text.length()) {
            result.add(new Segment("\u2026", null));
        }
        return result;
    }

}
