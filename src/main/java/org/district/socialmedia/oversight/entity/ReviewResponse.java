package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One written response of the review, as the policy counts them: a review cycle that the reviewer ended by
 * deciding or by asking for more information. Its clock ran from the cycle's start (the submission, or the
 * employee's answer that restarted a stopped clock) to the response; the cycle's own deadline is the
 * review period it had.
 *
 * @param kind     AUTHORIZED, AUTHORIZED_WITH_MODIFICATIONS, REJECTED or INFORMATION_REQUESTED
 * @param reviewer the username of who responded
 */
public record ReviewResponse(long requestId, String reviewer, Instant startedAt, Instant deadline, Instant answeredAt,
                             String kind) implements Serializable {

    public static final String INFORMATION_REQUESTED = "INFORMATION_REQUESTED";

    /** Answered at the deadline itself is on time: the review period includes its last instant. */
    public boolean onTime() {
        return !answeredAt.isAfter(deadline);
    }

    public Duration timeToAnswer() {
        return Duration.between(startedAt, answeredAt);
    }
}
