package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;
import org.leadingtogether.platform.persistence.InstantConverter;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallTimeAndReadsTheSameInstantBack() {
        Instant summer = Instant.parse("2026-07-01T09:30:00.123456Z");
        LocalDateTime stored = converter.convertToDatabaseColumn(summer);
        assertEquals(LocalDateTime.parse("2026-07-01T09:30:00.123456"), stored, "UTC, not London summer time");
        assertEquals(summer, converter.convertToEntityAttribute(stored));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void nativeSqlBindsAndReadsTheSameUtcWallTimeAsTheConverter() {
        Instant winter = Instant.parse("2026-01-15T18:05:00Z");
        assertEquals(LocalDateTime.parse("2026-01-15T18:05:00"), InstantConverter.column(winter));
        assertEquals(winter, InstantConverter.instant(LocalDateTime.parse("2026-01-15T18:05:00")));
        assertEquals(winter, InstantConverter.instant(java.sql.Timestamp.valueOf(LocalDateTime.parse("2026-01-15T18:05:00"))));
        assertEquals(winter, InstantConverter.instant(winter));
        assertNull(InstantConverter.instant(null));
        assertNull(InstantConverter.column(null));
    }
}
