package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.GrantStatus;

import java.io.Serializable;

/**
 * What the grants table shows. {@code status} null means every status; {@code holder} matches a
 * name or username; expiringSoon: the last day is within 30 days; notReviewed: rights in force not
 * confirmed since the open access review started.
 */
public record GrantFilter(Long accountId, Long unitId, Long platformId, String holder, GrantStatus status,
                          boolean expiringSoon, boolean notReviewed) implements Serializable {

    public static final GrantFilter ACTIVE = new GrantFilter(null, null, null, null, GrantStatus.ACTIVE, false, false);
    /** Active rights ending within 30 days: the grants page's {@code ?expiringSoon=true}. */
    public static final GrantFilter EXPIRING_SOON = new GrantFilter(null, null, null, null, GrantStatus.ACTIVE, true, false);
}
