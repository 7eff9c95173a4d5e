package org.district.socialmedia.platform.control;

import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchesTest {

    /** A query over {@code size} matching ids that honours first/max results and counts the ids it hands out. */
    static final class FakeIds {
        final long size;
        int first;
        int max = Integer.MAX_VALUE;
        long fetched;
        int counts;

        /** The filter's COUNT, answered by the database. */
        long count() {
            counts++;
            return size;
        }

        Matches matches() {
            return Matches.of(query(), this::count);
        }

        FakeIds(long size) {
            this.size = size;
        }

        @SuppressWarnings("unchecked")
        TypedQuery<Long> query() {
            return (TypedQuery<Long>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TypedQuery.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setFirstResult" -> {
                            first = (Integer) args[0];
                            yield proxy;
                        }
                        case "setMaxResults" -> {
                            max = (Integer) args[0];
                            yield proxy;
                        }
                        case "getResultList" -> {
                            List<Long> page = LongStream.range(first, Math.min(size, (long) first + max)).boxed().toList();
                            fetched += page.size();
                            yield page;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void aWideFilterIsMoreThanTheLimitAfterFetchingOneId() {
        FakeIds ids = new FakeIds(10_000_000);
        Matches matches = ids.matches();
        assertTrue(matches.more());
        assertEquals(Matches.LIMIT, matches.count());
        assertEquals(1, ids.fetched, "the database steps over the first LIMIT ids; only the one after comes back");
        assertEquals(0, ids.counts, "nothing is counted past the limit");
    }

    @Test
    void exactlyTheLimitIsCountedExactly() {
        Matches matches = new FakeIds(Matches.LIMIT).matches();
        assertFalse(matches.more());
        assertEquals(Matches.LIMIT, matches.count());
    }

    @Test
    void oneMoreThanTheLimitIsMore() {
        assertTrue(new FakeIds(Matches.LIMIT + 1).matches().more());
    }

    @Test
    void aNarrowFilterIsCountedExactly() {
        FakeIds ids = new FakeIds(8_665);
        assertEquals(new Matches(8_665, false), ids.matches());
        assertEquals(0, ids.fetched, "the database counts: no id comes into the server");
        assertEquals(1, ids.counts);
        assertEquals(new Matches(0, false), new FakeIds(0).matches());
    }

    @Test
    void rowsAddedBetweenTheTwoQueriesMakeItMoreNotALargerCount() {
        FakeIds ids = new FakeIds(Matches.LIMIT - 1);
        assertEquals(new Matches(Matches.LIMIT, true), Matches.of(ids.query(), () -> Matches.LIMIT + 5));
    }
}
