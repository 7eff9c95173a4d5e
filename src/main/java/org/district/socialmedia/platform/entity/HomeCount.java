package org.district.socialmedia.platform.entity;

import java.io.Serializable;

/**
 * One count on a role's home page: "3 requests overdue", a link to the list that shows them.
 *
 * @param role     the home page section it belongs to
 * @param labelKey the bundle key of its words, a choice pattern over the count (messages.properties, "home.")
 * @param count    how many, up to the list's own limit
 * @param more     there are more than {@code count} (the list counts up to a limit, see Matches)
 * @param link     the filtered list, a path in the portal ("/review/queue.xhtml?show=OVERDUE")
 */
public record HomeCount(Role role, String labelKey, long count, boolean more, String link) implements Serializable {

    public HomeCount {
        if (role == null || labelKey == null || link == null || !link.startsWith("/") || count < 0) {
            throw new IllegalArgumentException("A home count needs a role, a label key, a count and a portal path");
        }
    }

    public static HomeCount of(Role role, String labelKey, long count, String link) {
        return new HomeCount(role, labelKey, count, false, link);
    }
}
