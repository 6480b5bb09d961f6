package org.leadingtogether.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a UTC date-time ({@code DATETIME(6)} columns), whatever the time zone of
 * the server or the database session. EclipseLink 4.0 would otherwise serialise an {@code Instant} as
 * bytes. Local times for people (Europe/London) are made from these at the edges.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return column(instant);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The UTC wall time to bind in native SQL, as this converter would store {@code instant}. */
    public static LocalDateTime column(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The instant a DATETIME column read by native SQL holds: drivers give it as a {@link java.sql.Timestamp} or a
     * {@link LocalDateTime} whose wall time is UTC. Null stays null.
     */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        LocalDateTime wall = value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
        return wall.toInstant(ZoneOffset.UTC);
    }
}
