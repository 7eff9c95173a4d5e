package org.district.socialmedia.acknowledgements.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one change does to the coverage tally (one row per campaign, school or department, and due date: how many
 * active staff owe an acknowledgement, how many gave it). A staff member who leaves takes their obligations out of
 * their unit's rows, one who comes back puts them in, one who moves does both, an acknowledgement adds one done.
 * The changes come out per campaign, each campaign's keys in order, and without the ones that cancel out: every
 * writer touching rows in that one order is what keeps two concurrent writers from waiting for each other.
 */
public final class CoverageDeltas {

    /** A tally row's key; unitKey is the unit's id, 0 for staff without one. */
    public record Key(long campaignId, long unitKey, Instant dueAt) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::campaignId)
                .thenComparingLong(Key::unitKey).thenComparing(Key::dueAt);

        public Key {
            if (dueAt == null) {
                throw new IllegalArgumentException("A tally row has a due date");
            }
        }

        public static long unitKey(Long unitId) {
            return unitId == null ? 0 : unitId;
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** What to add to one row. */
    public record Delta(Key key, long total, long done) {
    }

    /** One obligation of a staff member, as the tally counts it. */
    public record Owed(Long campaignId, Instant dueAt, boolean acknowledged) {
    }

    private final SortedMap<Key, long[]> changes = new TreeMap<>();

    private CoverageDeltas() {
    }

    /** A staff member no longer counted (deactivated): their obligations leave their unit's rows. */
    public static CoverageDeltas leaving(List<Owed> owed, Long unitId) {
        return new CoverageDeltas().add(owed, unitId, -1);
    }

    /** A staff member counted again (reactivated): their obligations come back to their unit's rows. */
    public static CoverageDeltas joining(List<Owed> owed, Long unitId) {
        return new CoverageDeltas().add(owed, unitId, 1);
    }

    /** An active staff member who changed school or department: nothing when the unit stays the same. */
    public static CoverageDeltas moving(List<Owed> owed, Long fromUnitId, Long toUnitId) {
        return new CoverageDeltas().add(owed, fromUnitId, -1).add(owed, toUnitId, 1);
    }

    /** An active staff member's acknowledgement of one obligation. */
    public static CoverageDeltas acknowledged(Long campaignId, Long unitId, Instant dueAt) {
        CoverageDeltas deltas = new CoverageDeltas();
        deltas.add(new Key(campaignId, Key.unitKey(unitId), dueAt), 0, 1);
        return deltas;
    }

    private CoverageDeltas add(List<Owed> owed, Long unitId, int sign) {
        for (Owed o : owed) {
            add(new Key(o.campaignId(), Key.unitKey(unitId), o.dueAt()), sign, o.acknowledged() ? sign : 0);
        }
        return this;
    }

    private void add(Key key, long total, long done) {
        long[] counts = changes.computeIfAbsent(key, k -> new long[2]);
        counts[0] += total;
        counts[1] += done;
        if (counts[0] == 0 && counts[1] == 0) {
            changes.remove(key);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes per campaign (in campaign order), each campaign's in key order; none that adds nothing. */
    public SortedMap<Long, List<Delta>> byCampaign() {
        SortedMap<Long, List<Delta>> result = new TreeMap<>();
        for (Map.Entry<Key, long[]> e : changes.entrySet()) {
            result.computeIfAbsent(e.getKey().campaignId(), c -> new ArrayList<>())
                    .add(new Delta(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return result;
    }
}
