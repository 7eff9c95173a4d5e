package org.district.socialmedia.platform.control;

import java.util.List;

/**
 * One reason the node may be DEGRADED (docs/operations.md#health-and-logs): the component that knows the
 * condition implements it (notifications: mail failing; audit: the chain check; platform: the sweeps),
 * and health asks every implementation. Each answer must be cheap: a few indexed reads, no chain walk.
 */
public interface DegradationCheck {

    /** Why the node is degraded, one sentence each for an operator; empty when all is well. */
    List<String> reasons();
}
