package org.district.socialmedia.platform.control;

import java.util.List;

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
}
