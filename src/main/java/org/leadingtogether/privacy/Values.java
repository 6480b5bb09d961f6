package org.leadingtogether.privacy;

import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Database values as JSON: numbers and booleans as themselves, date-times (stored as UTC) as ISO instants, dates
 * as ISO dates, anything missing as an empty string so every record has the same keys.
 */
final class Values {

    private Values() {
    }

    static void add(JsonObjectBuilder object, String name, Object value) {
        if (value instanceof Boolean b) {
            object.add(name, b);
        } else if (value instanceof BigDecimal d) {
            object.add(name, d);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            object.add(name, ((Number) value).longValue());
        } else {
            object.add(name, text(value));
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
