package org.district.socialmedia.platform.control;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts that the code keeps as rows change, or that a timer rolls up per day, so that a report or a home
 * count reads a few rows instead of scanning millions. A port: each component that keeps a tally implements it
 * once, as a CDI bean, and the operators' recount (in {@code operations}) asks every one of them, knowing none.
 *
 * <p>Both methods run in the caller's transaction. A tally that changes with the clock alone (a daily roll-up)
 * compares and rebuilds only what it has rolled up.
 */
public interface Tally {

    /** A short stable name, as the recount lists it, such as {@code acknowledgement-coverage}. */
    String name();

    /**
     * What differs between the stored counts and a recount of the rows now, one line per key that differs
     * (naming the key, the stored and the recounted figures); empty when they agree. Changes nothing.
     */
    List<String> differences();

    /** Replaces the stored counts with a recount of the rows, under the lock its writers take; answers how many keys changed. */
    int rebuild();

    /**
     * The keys whose stored count differs from the recount, with both (a key without a row holds 0): for the tallies
     * that keep one count a key.
     */
    static <K extends Comparable<K>> Map<K, long[]> differing(Map<K, Long> stored, Map<K, Long> recounted) {
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
