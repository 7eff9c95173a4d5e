package org.district.socialmedia.platform.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * A timestamp column as a native query or an aggregate hands it back: no attribute converter applies there, and each
 * driver answers its own type (H2 an OffsetDateTime, PostgreSQL's a Timestamp, some an Instant or a local date-time
 * in UTC).
 */
public final class NativeTimestamps {

    private NativeTimestamps() {
    }

    /** The value as an Instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        // java.sql.Timestamp among them
        if (value instanceof Date d) {
            return d.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
