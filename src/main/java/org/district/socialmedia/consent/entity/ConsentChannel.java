package org.district.socialmedia.consent.entity;

/** Where a consent form lets the District post: every District-related account, or only those listed. */
public enum ConsentChannel {
    /** All District-related accounts. */
    ALL,
    /** Only the listed District accounts. */
    ACCOUNTS,
    /** Any District account on the listed platforms. */
    PLATFORMS
}
