package org.district.socialmedia.requests.entity;

/** Whether an authorization still allows the use it describes. */
public enum AuthorizationStatus {
    ACTIVE,
    REVOKED
}
