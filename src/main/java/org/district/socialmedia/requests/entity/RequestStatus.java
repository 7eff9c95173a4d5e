package org.district.socialmedia.requests.entity;

/**
 * Where a request for District-related social media use stands. The names are a contract (REST API,
 * scripts, the status column): extend, never rename.
 */
public enum RequestStatus {
    /** Being written by the employee; the Superintendent does not see it and no clock runs. */
    DRAFT("Draft"),
    /** Waiting for the Superintendent's written response; the review clock runs. */
    SUBMITTED("Submitted"),
    /** The Superintendent asked the employee for more; the clock is stopped until the answer. */
    INFO_REQUESTED("Information requested"),
    /** The review period ended without a response. Still waiting: overdue is never an approval. */
    OVERDUE("Overdue"),
    /** The Superintendent answered in writing; final. */
    DECIDED("Decided"),
    /** The employee took the request back; final. */
    WITHDRAWN("Withdrawn");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Submitted and not yet answered, whether or not the employee currently owes information. */
    public boolean isOpen() {
        return this == SUBMITTED || this == INFO_REQUESTED || this == OVERDUE;
    }

    /** The next move is the reviewer's (the employee owes nothing): the reviewer's queue. */
    public boolean isAwaitingReviewer() {
        return this == SUBMITTED || this == OVERDUE;
    }
}
