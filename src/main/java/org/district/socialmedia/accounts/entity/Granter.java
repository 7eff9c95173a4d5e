package org.district.socialmedia.accounts.entity;

import java.io.Serializable;

/**
 * Who grants administrative rights, in what capacity ("Superintendent" or "Designee of the
 * Superintendent"); copied onto the grant so it keeps saying who decided.
 */
public record Granter(String username, String fullName, String capacity) implements Serializable {
}
