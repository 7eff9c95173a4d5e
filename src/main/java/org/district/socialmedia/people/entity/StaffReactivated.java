package org.district.socialmedia.people.entity;

import java.io.Serializable;

/**
 * A deactivated staff member is active again (by hand, by the roster import, or an import's undo). Fired in the
 * transaction of the change, so what other features count of active staff changes with it or not at all.
 */
public record StaffReactivated(Long userId, String username) implements Serializable {
}
