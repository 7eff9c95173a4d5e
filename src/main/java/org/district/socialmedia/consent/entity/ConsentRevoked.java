package org.district.socialmedia.consent.entity;

import java.io.Serializable;

/**
 * A parent revoked consent (some items or all of a form), fired in the revocation's transaction after
 * consent's own takedown tasks exist, so that components above (recorded posts) add theirs in the same
 * transaction: a revocation and all of its takedowns commit or roll back together.
 *
 * @param by who recorded the revocation (the tasks' creator)
 */
public record ConsentRevoked(Long formId, Long revocationId, String by) implements Serializable {
}
