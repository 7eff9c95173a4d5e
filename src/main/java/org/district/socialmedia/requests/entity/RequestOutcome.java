package org.district.socialmedia.requests.entity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The policy's written responses that end a review (item 3 a, b and d of "Authorized District-Related
 * Social Media Use"). Its response c, "request additional information", does not end the review: it is
 * the status {@link RequestStatus#INFO_REQUESTED}, not an outcome. Names are a contract.
 */
public enum RequestOutcome {
    AUTHORIZED("Authorized as proposed"),
    REJECTED("Rejected in its entirety"),
    AUTHORIZED_WITH_MODIFICATIONS("Authorized with modifications or limits");

    private final String label;

    RequestOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The response for the request as a whole. Rejecting some platforms and authorizing others is
     * "more limited authorization than what was requested" in the policy's words, hence a modification.
     *
     * @throws IllegalArgumentException for no outcome at all (or a missing one): a request is never
     *                                  decided without a decision on each of its lines
     */
    public static RequestOutcome derive(Collection<LineOutcome> lineOutcomes) {
        if (lineOutcomes == null || lineOutcomes.isEmpty()) {
            throw new IllegalArgumentException("An outcome needs at least one line outcome");
        }
        Set<LineOutcome> distinct = EnumSet.noneOf(LineOutcome.class);
        for (LineOutcome outcome : lineOutcomes) {
            if (outcome == null) {
                throw new IllegalArgumentException("Every line needs an outcome: " + lineOutcomes);
            }
            distinct.add(outcome);
        }
        if (distinct.equals(EnumSet.of(LineOutcome.AUTHORIZE))) {
            return AUTHORIZED;
        }
        if (distinct.equals(EnumSet.of(LineOutcome.REJECT))) {
            return REJECTED;
        }
        return AUTHORIZED_WITH_MODIFICATIONS;
    }
}
