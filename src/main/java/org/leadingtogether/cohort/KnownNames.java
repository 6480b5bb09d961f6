package org.leadingtogether.cohort;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names the portal knows, looked up regardless of case and of spaces around or doubled inside them,
 * so that "social  WORK " finds "Social work".
 */
final class KnownNames {

    private final Map<String, String> byKey = new HashMap<>();
    private final String listed;

    KnownNames(Collection<String> names) {
        TreeMap<String, String> sorted = new TreeMap<>(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        if (names != null) {
            for (String name : names) {
                if (name != null && !name.isBlank()) {
                    byKey.putIfAbsent(key(name), name);
                    sorted.put(name, name);
                }
            }
        }
        this.listed = String.join(", ", sorted.keySet());
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    String listed() {
        return listed;
    }
}
