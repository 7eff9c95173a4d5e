package org.district.socialmedia.people.entity;

import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.util.Set;

/**
 * A system administrator took roles away from a staff member (a supervisor who is no longer one,
 * say). Fired in the transaction of the change, so what the roles allowed ends with it.
 */
public record StaffRolesRemoved(Long userId, String username, Set<Role> removed, String by) implements Serializable {
}
