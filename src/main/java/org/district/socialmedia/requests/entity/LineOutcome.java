package org.district.socialmedia.requests.entity;

/** The reviewer's answer for one platform of a request. Names are a contract (REST API, column values). */
public enum LineOutcome {
    AUTHORIZE("Authorize as proposed"),
    REJECT("Reject"),
    AMEND("Authorize with modifications or limits");

    private final String label;

    LineOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the employee may use the platform afterwards (as proposed or within limits). */
    public boolean grantsUse() {
        return this != REJECT;
    }

    /** The policy demands a brief explanation for any denial of or modification to a proposal. */
    public boolean requiresExplanation() {
        return this != AUTHORIZE;
    }
}
