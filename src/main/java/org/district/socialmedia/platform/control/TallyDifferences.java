package org.district.socialmedia.platform.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of a {@link Tally}'s stored counts with its recount, for the tallies that keep one count a key. Not
 * on the interface itself: some tallies are enterprise beans, and WildFly warns of a static method on a bean's view.
 */
public final class TallyDifferences {

    private TallyDifferences() {
    }

    /** The keys whose stored count differs from the recount, with both (a key without a row holds 0). */
    public static <K extends Comparable<K>> Map<K, long[]> differing(Map<K, Long> stored, Map<K, Long> recounted) {
        Map<K, long[]> differing = new TreeMap<>();
        TreeSet<K> keys = new TreeSet<>(stored.keySet());
        keys.addAll(recounted.keySet());
        for (K key : keys) {
            long s = stored.getOrDefault(key, 0L);
            long r = recounted.getOrDefault(key, 0L);
            if (s != r) {
                differing.put(key, new long[]{s, r});
            }
        }
        return differing;
    }
}
