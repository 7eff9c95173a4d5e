package org.district.socialmedia.people.entity;

import java.io.Serializable;

/**
 * A school or department got a new name, in the transaction of the rename: components that keep a copy
 * of the name (the accounts console's order, the public directory) bring it up to date before the commit.
 */
public record UnitRenamed(Long unitId, String name) implements Serializable {
}
