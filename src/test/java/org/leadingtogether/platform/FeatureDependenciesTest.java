package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The features depend on one another in one direction only: no circle such as booking → cohort → booking. A feature
 * is a package under {@code org.leadingtogether} with its sub-packages ({@code booking.view} is booking); a
 * dependency is any mention of another feature's package in code (imports and fully qualified names, comments
 * left out). Where a lower feature needs an answer from a higher one, it states the question as an interface of
 * its own and the higher one answers it (see {@code cohort.MemberActivity}, {@code coaching.SessionSchedule}).
 */
class FeatureDependenciesTest {

    private static final Pattern MENTION = Pattern.compile("org\\.leadingtogether\\.([a-z]+)\\b");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void noFeatureDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.containsKey("booking") && uses.containsKey("cohort") && uses.containsKey("coaching"), uses.toString());
        List<String> circles = new ArrayList<>();
        for (String feature : uses.keySet()) {
            findCircle(feature, feature, uses, new ArrayList<>(List.of(feature)), new TreeSet<>(), circles);
        }
        assertEquals(List.of(), circles, "feature dependencies: " + uses);
    }

    @Test
    void platformDependsOnNoFeature() throws IOException {
        assertEquals(Set.of(), dependencies().getOrDefault("platform", Set.of()), "platform is what every feature shares");
    }

    private static void findCircle(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen, List<String> circles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                circles.add(String.join(" → ", path) + " → " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCircle(start, next, uses, path, seen, circles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Path root = Path.of("src/main/java/org/leadingtogether");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                String code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                Set<String> mine = uses.computeIfAbsent(feature, f -> new TreeSet<>());
                Matcher mention = MENTION.matcher(code);
                while (mention.find()) {
                    if (!mention.group(1).equals(feature)) {
                        mine.add(mention.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
