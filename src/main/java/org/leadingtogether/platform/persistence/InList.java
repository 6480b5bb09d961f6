package org.leadingtogether.platform.persistence;

import jakarta.persistence.Query;

import java.util.Collection;
import java.util.Collections;

/**
 * Native SQL with a list of values ({@code WHERE id IN (?, ?, ?)}): the placeholders to write into the
 * statement and the values to bind, always bound as parameters and never pasted into the SQL.
 */
public final class InList {

    private InList() {
    }

    /** {@code ?, ?, ?} for {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds the values in order from position 1. */
    public static Query bind(Query query, Collection<?> values) {
        int position = 1;
        for (Object value : values) {
            query.setParameter(position++, value);
        }
        return query;
    }
}
