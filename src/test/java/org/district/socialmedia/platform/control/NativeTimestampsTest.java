package org.district.socialmedia.platform.control;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeTimestampsTest {

    @Test
    void timestampsAsEachDatabaseHandsThemBack() {
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");
        assertEquals(at, NativeTimestamps.instant(at));
        assertEquals(at, NativeTimestamps.instant(at.atOffset(ZoneOffset.ofHours(-8))));
        assertEquals(at, NativeTimestamps.instant(at.atZone(ZoneOffset.UTC)));
        assertEquals(at, NativeTimestamps.instant(Timestamp.from(at)));
        assertEquals(at, NativeTimestamps.instant(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        assertEquals(at, NativeTimestamps.instant(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
        assertNull(NativeTimestamps.instant(null));
        assertThrows(IllegalArgumentException.class, () -> NativeTimestamps.instant("2026-01-02"));
    }
}
