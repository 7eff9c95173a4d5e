package org.district.socialmedia.people.entity;

import java.io.Serializable;

/**
 * A staff member was deactivated (left the District or changed jobs). Fired in the transaction of
 * the deactivation, so what other features end with it (administrative rights, authorizations)
 * commits or rolls back with it.
 */
public record StaffDeactivated(Long userId, String username, String by) implements Serializable {
}
