package org.leadingtogether.load;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints the figures of the latest load test, per page and in all: requests, failures, p50/p95/p99 and
 * requests per second, read from the statistics table of Gatling's own report
 * ({@code target/gatling/<run>/index.html}; Gatling keeps no other readable form of them). Then the pages
 * per second while everyone worked: give it the same {@code -Dload.seconds} as the test, and the sign-ins
 * and the wait after them are left out.
 */
public final class LoadReport {

    private LoadReport() {
    }

    public static void main(String[] args) throws IOException {
        Path runs = Path.of(args.length > 0 ? args[0] : "target/gatling");
        Path latest;
        try (Stream<Path> found = Files.list(runs)) {
            latest = found.filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report under " + runs.toAbsolutePath() + ": run the load test first."));
        }
        Document report = Jsoup.parse(latest.resolve("index.html").toFile());
        System.out.println("Load test " + latest.getFileName());
        System.out.printf("%-22s %9s %7s %8s %8s %8s %10s%n", "page", "requests", "failed", "p50 ms", "p95 ms", "p99 ms", "per second");
        long working = 0;
        for (Element row : report.select("tr:has(td.col-2)")) {
            String name = row.select("span.ellipsed-name").text();
            if (name.isBlank()) {
                name = row.selectFirst("td.col-1") == null ? "" : row.selectFirst("td.col-1").text();
            }
            System.out.printf("%-22s %9s %7s %8s %8s %8s %10s%n", name.isBlank() ? "all pages" : name,
                    cell(row, 2), cell(row, 4), cell(row, 8), cell(row, 10), cell(row, 11), cell(row, 6));
            if (!name.isBlank() && !name.startsWith("All") && !name.startsWith("sign")) {
                working += Long.parseLong(cell(row, 2).replace(",", ""));
            }
        }
        // Gatling's own rates are over the whole run, the sign-ins and the wait after them included.
        int seconds = Integer.getInteger("load.seconds", 180);
        System.out.printf("While everyone worked (%d s): %d pages, %.1f pages/s%n", seconds, working, (double) working / seconds);
    }

    private static String cell(Element row, int column) {
        Element cell = row.selectFirst("td.col-" + column);
        String text = cell == null ? "" : cell.text().trim();
        return text.equals("-") ? "0" : text;
    }
}
