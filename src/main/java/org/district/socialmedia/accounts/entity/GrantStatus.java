package org.district.socialmedia.accounts.entity;

/** Administrative rights on an account: in force, or how they ended. Names are a contract: extend, never rename. */
public enum GrantStatus {
    ACTIVE("Active"),
    /** Reached its last day. */
    EXPIRED("Expired"),
    /** Ended early by the Superintendent or a designee, with a reason. */
    REVOKED("Revoked"),
    /** Not confirmed by an access review's deadline, where the District lets such rights lapse. */
    LAPSED("Lapsed"),
    /** The holder was deactivated (left the District or changed jobs). */
    ENDED("Ended (offboarding)");

    private final String label;

    GrantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
