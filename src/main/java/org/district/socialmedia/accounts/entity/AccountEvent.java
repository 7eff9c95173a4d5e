package org.district.socialmedia.accounts.entity;

import java.io.Serializable;

/**
 * Something happened to an account's administrative rights that people must hear about. Fired
 * synchronously in the transaction of the change, so the outbox rows commit or roll back with it.
 */
public record AccountEvent(Type type, Long accountId, Long grantId, Long reviewId, String actor, String detail)
        implements Serializable {

    public enum Type {
        /** Rights granted: the holder is told, with the period. */
        GRANTED,
        /** Rights revoked early, with the reason. */
        REVOKED,
        /** Rights end soon (GRANT_NOTICE_BEFORE). */
        EXPIRY_NOTICE,
        /** Rights ended at their last day. */
        EXPIRED,
        /** Rights not confirmed by an access review's deadline ended. */
        LAPSED,
        /** The holder was deactivated: their rights ended. */
        OFFBOARDED,
        /** An account has fewer than two District administrators left after someone was deactivated. */
        ADMINS_NEEDED,
        /** A term's access review opened. */
        REVIEW_OPENED,
        /** An access review's deadline is near. */
        REVIEW_REMINDER,
        /** An access review closed: what was flagged or lapsed. */
        REVIEW_CLOSED,
        /** An account's yearly checklist is due soon (detail: the stage key). */
        CHECKLIST_REMINDER,
        /** An account's yearly checklist is past its due date (detail: the stage key). */
        CHECKLIST_OVERDUE
    }

    public static AccountEvent grant(Type type, Long accountId, Long grantId, String actor) {
        return new AccountEvent(type, accountId, grantId, null, actor, null);
    }

    public static AccountEvent review(Type type, Long reviewId, String detail) {
        return new AccountEvent(type, null, null, reviewId, "system", detail);
    }
}
