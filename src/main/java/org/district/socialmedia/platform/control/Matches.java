package org.district.socialmedia.platform.control;

import jakarta.persistence.TypedQuery;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How many rows match a table's filter, counted up to {@link #LIMIT}; {@code more} when there are more.
 * Counting every match of a wide filter reads every matching row (a million grants, ten million audit
 * rows), which the page itself does not need; stepping over at most LIMIT + 1 ids costs the same at any size.
 * Past the limit the tables say "more than 10,000" and the APIs {@code "totalExact": false}.
 */
public record Matches(long count, boolean more) implements Serializable {

    public static final int LIMIT = 10_000;

    /**
     * Counts up to the limit. First the database skips to the match after the limit and returns that one id
     * (when it exists, the count is "more"): the ids of a wide filter are never fetched into the server,
     * only stepped over in an index. Otherwise {@code count} (the same filter's COUNT) answers in the
     * database: fetching up to 10,000 ids to count them made a filter matching thousands cost ten times
     * one matching a hundred.
     *
     * @param ids   the matching ids, no ORDER BY needed
     * @param count how many match
     */
    public static Matches of(TypedQuery<?> ids, LongSupplier count) {
        if (!ids.setFirstResult(LIMIT).setMaxResults(1).getResultList().isEmpty()) {
            return new Matches(LIMIT, true);
        }
        // rows added between the two queries may take it past the limit
        long counted = count.getAsLong();
        return counted > LIMIT ? new Matches(LIMIT, true) : new Matches(counted, false);
    }

    public static String limitShown() {
        return String.format(Locale.ROOT, "%,d", LIMIT);
    }
}
