package org.district.socialmedia.people.entity;

import java.io.Serializable;

/**
 * A system administrator corrected a staff member's name. Fired in the transaction of the change, so
 * what other features keep of the name (the grants' sort key) changes with it or not at all.
 */
public record StaffRenamed(Long userId, String fullName) implements Serializable {
}
