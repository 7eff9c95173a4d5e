package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.DistrictAccount;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When a unit's stored compliance figures stop being true without any row written (the account compliance tally's
 * {@code next_change_at}), and whether a stored row still holds. Pure: the rules the tally and its tests share.
 */
public final class ComplianceMoments {

    private ComplianceMoments() {
    }

    /**
     * The first moment the figures may change with time alone, from the earliest privacy review still valid (it
     * fails once older than {@link DistrictAccount#PRIVACY_REVIEW_VALID}: from that moment on, it is counted again)
     * and the earliest overdue moment of a yearly checklist still to come (overdue from that moment); null for neither.
     */
    public static Instant nextChange(Instant earliestValidPrivacyReview, Instant earliestOverdueToCome) {
        Instant privacy = earliestValidPrivacyReview == null ? null : earliestValidPrivacyReview.plus(DistrictAccount.PRIVACY_REVIEW_VALID);
        if (privacy == null) {
            return earliestOverdueToCome;
        }
        return earliestOverdueToCome == null || privacy.isBefore(earliestOverdueToCome) ? privacy : earliestOverdueToCome;
    }

    /**
     * Whether a stored row may be read as it is at {@code now}: not marked stale, its next change not come, and not
     * counted after {@code now} (a test server's clock set back: what was overdue then may not be now).
     */
    public static boolean holds(boolean stale, Instant countedAt, Instant nextChangeAt, Instant now) {
        return !stale && (countedAt == null || !now.isBefore(countedAt)) && (nextChangeAt == null || now.isBefore(nextChangeAt));
    }

    /**
     * A timestamp as the database hands it back from a native query (H2 an OffsetDateTime, PostgreSQL's driver a
     * Timestamp, some an Instant or a local date-time in UTC); null stays null.
     */
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
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
