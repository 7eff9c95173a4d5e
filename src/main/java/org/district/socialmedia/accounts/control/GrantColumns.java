package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.GrantStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A grant as the tables read it: its columns and those of its account and holder, filled by a JPQL constructor expression. */
public record GrantColumns(Long id, Long accountId, String otherPlatformName, String platformName, String handle, String unit,
                           Long holderId, String holderUsername, String holderName, String grantedBy, String grantedByName,
                           String grantedAs, String reason, LocalDate startsOn, LocalDate endsOn, String openEndedReason,
                           GrantStatus status, Instant createdAt, Instant endedAt, String endedBy, String endReason,
                           Instant lastReviewedAt, String lastReviewedBy, Long flaggedReviewId) {

    /** The select list, in the constructor's order, over AccountGrant g, its account a, platform p, school u and holder h. */
    static final String SELECT = "SELECT NEW " + GrantColumns.class.getName() + "(g.id, a.id, a.otherPlatformName, p.name,"
            + " a.handle, u.name, h.id, h.username, h.fullName, g.grantedBy, g.grantedByName, g.grantedAs, g.reason, g.startsOn,"
            + " g.endsOn, g.openEndedReason, g.status, g.createdAt, g.endedAt, g.endedBy, g.endReason, g.lastReviewedAt,"
            + " g.lastReviewedBy, g.flaggedReviewId)";
}
