package org.district.socialmedia.people.entity;

import java.io.Serializable;

/**
 * A staff member's school or department changed (either may be null: none). Fired in the transaction of the
 * change, right after it, so what other features count per unit moves with it or not at all.
 */
public record StaffMoved(Long userId, Long fromUnitId, Long toUnitId) implements Serializable {
}
