package org.leadingtogether.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.leadingtogether.support.PortalClient;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person can read on the portal, found as they would find it: starting from their own pages and following every
 * link to another page of the portal, collecting the text shown and the values in the forms. For comparing a download
 * with what the pages show.
 */
final class PageWalk {

    private static final int MAX_PAGES = 250;
    /** Links that do something or download rather than show a page. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(".*(sign-out|/my-data|-export|/invitation|/calendar/|enrolment-upload).*");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][\\d:.]+Z?)?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*|[A-Z]{2,}-[A-Z]?[\\d.]+|[a-z0-9]+(-[a-z0-9]+)+|\\d+(\\.\\d+)?");

    private PageWalk() {
    }

    /** The text of every page reachable from {@code starts} by the portal's own links (normalised), and of their form values. */
    static String textOfEverythingLinkedFrom(PortalClient person, List<String> starts) {
        StringBuilder text = new StringBuilder();
        Deque<String> queue = new ArrayDeque<>(starts);
        Set<String> seen = new HashSet<>(starts);
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String path = queue.removeFirst();
            HttpResponse<String> response = person.get(path);
            if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").contains("html")) {
                continue;
            }
            pages++;
            Document page = Jsoup.parse(response.body());
            Element main = page.body();
            text.append(normalise(main.text())).append('\n');
            for (Element field : main.select("input[value], textarea")) {
                text.append(normalise(field.tagName().equals("textarea") ? field.wholeText() : field.attr("value"))).append('\n');
            }
            for (Element link : main.select("a[href]")) {
                String href = link.attr("href").replaceFirst("#.*$", "");
                if (href.startsWith("/") && !href.startsWith("//") && href.contains(".xhtml") && !NOT_A_PAGE.matcher(href).matches()
                        && seen.add(href)) {
                    queue.addLast(href);
                }
            }
        }
        return text.toString();
    }

    /** Every string (and nothing else) in a JSON document, by its path. */
    static void textLeaves(JsonValue value, String path, Map<String, String> leaves) {
        switch (value.getValueType()) {
            case OBJECT -> ((JsonObject) value).forEach((name, child) -> textLeaves(child, path.isEmpty() ? name : path + "." + name, leaves));
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    textLeaves(array.get(i), path + "[" + i + "]", leaves);
                }
            }
            case STRING -> leaves.put(path, ((JsonString) value).getString());
            default -> {
            }
        }
    }

    /** Values the pages show in other words or formats: empty, dates and times, numbers, codes and names of states. */
    static boolean isShownInAnotherForm(String value) {
        String v = value.strip();
        return v.isEmpty() || ISO_TIME.matcher(v).matches() || CODE.matcher(v).matches() || v.equals("true") || v.equals("false");
    }

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
