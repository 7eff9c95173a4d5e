package org.district.socialmedia.requests.entity;

import java.io.Serializable;

/**
 * Who signs a written response, copied onto the request so the response keeps its signature even if
 * the staff record changes later.
 *
 * @param roleTitle as it should read under the response, such as "Superintendent" or
 *                  "Designee of the Superintendent"
 */
public record Decider(String username, String fullName, String roleTitle) implements Serializable {
}
