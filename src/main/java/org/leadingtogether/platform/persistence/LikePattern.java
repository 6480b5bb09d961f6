package org.leadingtogether.platform.persistence;

import java.util.Locale;

/**
 * Search words as a JPQL {@code LIKE} pattern that matches them anywhere, in lower case, with the
 * wildcards a person might type ({@code %}, {@code _}) escaped. Queries use it with {@code ESCAPE '!'}.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** The pattern for {@code words}; {@code %} (everything) when there are none. */
    public static String anywhere(String words) {
        if (words == null || words.isBlank()) {
            return "%";
        }
        String escaped = words.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
