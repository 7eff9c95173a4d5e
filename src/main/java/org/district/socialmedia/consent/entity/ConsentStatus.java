package org.district.socialmedia.consent.entity;

/**
 * A form's state for lists and timers. The consent check itself works from dates (period,
 * revocation dates), so that a check for a past day gives the answer of that day.
 */
public enum ConsentStatus {
    /** In force (possibly with some items revoked). */
    ACTIVE,
    /** Every consented item revoked. */
    REVOKED,
    /** Its period ended; set once by the expiry timer. */
    EXPIRED
}
