package org.district.socialmedia.requests.entity;

/** Whether an authorization still allows the use it describes. */
public enum AuthorizationStatus {
    ACTIVE,
    REVOKED,
    /** Its term ended (its last day passed) without a renewal decided in time. */
    EXPIRED
}
