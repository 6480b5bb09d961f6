package org.leadingtogether.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart labels broken into lines, the way Chart.js draws a label given as an array of strings: a dimension's name
 * beside a radar, or an organisation's beside a bar, then fits a phone's width instead of being cut at the canvas's
 * edge ("elivering the strategy"). Lines break between words; a single word longer than a line is cut into pieces.
 */
public final class ChartLabels {

    private ChartLabels() {
    }

    /** {@code label} in lines of at most {@code width} characters (a longer word is split across lines). */
    public static List<String> wrap(String label, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (label == null ? "" : label.strip()).split("\\s+")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
