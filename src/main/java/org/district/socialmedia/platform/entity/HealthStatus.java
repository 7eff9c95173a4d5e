package org.district.socialmedia.platform.entity;

import java.util.List;

/**
 * The overall answer of {@code /api/health}: DOWN (503) when the database or the timer service does not
 * answer, DEGRADED (still 200: a load balancer must keep the node) when something the node cannot fix by
 * serving requests needs a person (mail failing, a timer that stopped, the audit chain), else UP.
 */
public enum HealthStatus {
    UP, DEGRADED, DOWN;

    public static final String PART_UP = "UP";

    public static HealthStatus of(String database, String timerService, List<String> reasons) {
        if (!PART_UP.equals(database) || !PART_UP.equals(timerService)) {
            return DOWN;
        }
        return reasons.isEmpty() ? UP : DEGRADED;
    }

    /** The HTTP status: only DOWN takes the node out of a load balancer. */
    public int httpStatus() {
        return this == DOWN ? 503 : 200;
    }
}
