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
        Matches matches = Matches.of(ids.query());
        assertTrue(matches.more());
        assertEquals(Matches.LIMIT, matches.count());
        assertEquals(1, ids.fetched, "the database steps over the first LIMIT ids; only the one after comes back");
    }

    @Test
    void exactlyTheLimitIsCountedExactly() {
        Matches matches = Matches.of(new FakeIds(Matches.LIMIT).query());
        assertFalse(matches.more());
        assertEquals(Matches.LIMIT, matches.count());
    }

    @Test
    void oneMoreThanTheLimitIsMore() {
        assertTrue(Matches.of(new FakeIds(Matches.LIMIT + 1).query()).more());
    }

    @Test
    void aNarrowFilterIsCountedExactly() {
        assertEquals(new Matches(37, false), Matches.of(new FakeIds(37).query()));
        assertEquals(new Matches(0, false), Matches.of(new FakeIds(0).query()));
    }
}
