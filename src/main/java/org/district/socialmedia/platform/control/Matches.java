package org.district.socialmedia.platform.control;

import jakarta.persistence.TypedQuery;

import java.io.Serializable;
import java.util.Locale;

/**
 * How many rows match a table's filter, counted up to {@link #LIMIT}; {@code more} when there are more.
 * Counting every match of a wide filter reads every matching row (a million grants, ten million audit
 * rows), which the page itself does not need; reading at most LIMIT + 1 ids costs the same at any size.
 * Past the limit the tables say "more than 10,000" and the APIs {@code "totalExact": false}.
 */
public record Matches(long count, boolean more) implements Serializable {

    public static final int LIMIT = 10_000;

    /** Runs a query for the matching ids (no ORDER BY needed) and counts up to the limit. */
    public static Matches of(TypedQuery<?> ids) {
        int found = ids.setFirstResult(0).setMaxResults(LIMIT + 1).getResultList().size();
        return found > LIMIT ? new Matches(LIMIT, true) : new Matches(found, false);
    }

    public static String limitShown() {
        return String.format(Locale.ROOT, "%,d", LIMIT);
    }
}
