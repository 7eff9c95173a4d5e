package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.DistrictAccount;

import java.time.Instant;

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
}
