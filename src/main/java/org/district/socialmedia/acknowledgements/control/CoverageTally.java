package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Delta;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Key;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Owed;
import org.district.socialmedia.platform.control.NativeTimestamps;
import org.district.socialmedia.platform.control.Tally;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The acknowledgement coverage tally (migration V56): per campaign, school or department and due date, how many
 * active staff members owe an acknowledgement and how many gave it, moved in the transaction of each change.
 *
 * <p>Locks, always in one order: a campaign's row (only to create one of its tally rows, or to rebuild), then its
 * tally rows in key order, then the next campaign's. An acknowledgement is one conditional UPDATE of an existing
 * row (the database's row lock makes two servers' increments add up); rows are never deleted, so a row once seen
 * stays there to be updated. A rebuild takes the campaign's lock and then every one of its rows before it recounts,
 * so a writer either committed before the recount (and is in it) or waits and adds to the recounted row.
 */
@Stateless
// both views: the recount finds it as a Tally, the acknowledgement code injects it as itself (an EJB that implements
// an interface otherwise offers that interface alone)
@Local(Tally.class)
@LocalBean
public class CoverageTally implements Tally {

    public static final String NAME = "acknowledgement-coverage";

    /** The recount: what the tally should hold, from the obligations of active staff. */
    private static final String RECOUNT = "SELECT o.campaign_id, COALESCE(s.unit_id, 0), o.due_at, COUNT(*), COUNT(o.acknowledged_at)"
            + " FROM ack_obligation o JOIN staff_user s ON s.id = o.staff_id WHERE s.active = TRUE";
    private static final String RECOUNT_GROUP = " GROUP BY o.campaign_id, COALESCE(s.unit_id, 0), o.due_at";

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    /** One staff member's obligations, every campaign, as the tally counts them. */
    public List<Owed> owedBy(Long staffId) {
        return em.createQuery("SELECT o.campaignId, o.dueAt, o.acknowledgedAt FROM Obligation o WHERE o.staffId = :s", Object[].class)
                .setParameter("s", staffId).getResultStream()
                .map(r -> new Owed((Long) r[0], (Instant) r[1], r[2] != null)).toList();
    }

    /** Adds the changes, campaign by campaign in order; a missing row is created under its campaign's lock first. */
    public void apply(CoverageDeltas deltas) {
        for (Map.Entry<Long, List<Delta>> campaign : deltas.byCampaign().entrySet()) {
            List<Delta> changes = campaign.getValue();
            if (changes.stream().anyMatch(d -> !exists(d.key()))) {
                lockCampaign(campaign.getKey());
                for (Delta d : changes) {
                    if (!exists(d.key())) {
                        insert(d.key(), 0, 0);
                    }
                }
            }
            for (Delta d : changes) {
                int updated = em.createNativeQuery("UPDATE ack_coverage_tally SET total = total + ?1, done = done + ?2"
                                + " WHERE campaign_id = ?3 AND unit_key = ?4 AND due_at = ?5")
                        .setParameter(1, d.total()).setParameter(2, d.done()).setParameter(3, d.key().campaignId())
                        .setParameter(4, d.key().unitKey()).setParameter(5, at(d.key().dueAt())).executeUpdate();
                if (updated != 1) {
                    throw new IllegalStateException("The coverage tally has no row " + d.key() + " to count in");
                }
            }
        }
    }

    /**
     * After staff were enrolled in a campaign with the due date dueAt (at its start: all of them, in one INSERT ...
     * SELECT ... GROUP BY; later, new hires): the rows of that due date are recounted, under the campaign's lock.
     */
    public void enrolled(Long campaignId, Instant dueAt) {
        lockCampaign(campaignId);
        boolean any = !em.createNativeQuery("SELECT unit_key FROM ack_coverage_tally WHERE campaign_id = ?1 AND due_at = ?2"
                        + " ORDER BY unit_key FOR UPDATE")
                .setParameter(1, campaignId).setParameter(2, at(dueAt)).getResultList().isEmpty();
        if (!any) {
            em.createNativeQuery("INSERT INTO ack_coverage_tally (campaign_id, unit_key, due_at, total, done) " + RECOUNT
                            + " AND o.campaign_id = ?1 AND o.due_at = ?2" + RECOUNT_GROUP)
                    .setParameter(1, campaignId).setParameter(2, at(dueAt)).executeUpdate();
            return;
        }
        SortedMap<Key, long[]> counted = recount(" AND o.campaign_id = ?1 AND o.due_at = ?2", campaignId, at(dueAt));
        SortedMap<Key, long[]> stored = stored(" WHERE campaign_id = ?1 AND due_at = ?2", campaignId, at(dueAt));
        store(stored, counted);
    }

    /**
     * The stored rows against a recount. A campaign found different is compared again under its locks, as a rebuild
     * takes them: the two reads each see what is committed when they start, so an acknowledgement committed between
     * them would otherwise show as a difference it is not.
     */
    @Override
    public List<String> differences() {
        em.flush();
        SortedMap<Key, long[]> stored = stored("", null, null);
        SortedMap<Key, long[]> counted = recount("", null, null);
        SortedSet<Long> differing = new TreeSet<>();
        for (Key key : keys(stored, counted)) {
            if (!Arrays.equals(stored.getOrDefault(key, new long[2]), counted.getOrDefault(key, new long[2]))) {
                differing.add(key.campaignId());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Long campaignId : differing) {
            lockCampaign(campaignId);
            em.createNativeQuery("SELECT unit_key FROM ack_coverage_tally WHERE campaign_id = ?1 ORDER BY unit_key, due_at FOR UPDATE")
                    .setParameter(1, campaignId).getResultList();
            lines.addAll(differences(stored(" WHERE campaign_id = ?1", campaignId, null), recount(" AND o.campaign_id = ?1", campaignId, null)));
        }
        return lines;
    }

    /** One line per key whose stored counts are not the recounted ones. */
    private static List<String> differences(SortedMap<Key, long[]> stored, SortedMap<Key, long[]> counted) {
        List<String> lines = new ArrayList<>();
        for (Key key : keys(stored, counted)) {
            long[] s = stored.getOrDefault(key, new long[2]);
            long[] c = counted.getOrDefault(key, new long[2]);
            if (s[0] != c[0] || s[1] != c[1]) {
                lines.add("campaign " + key.campaignId() + ", unit " + (key.unitKey() == 0 ? "none" : key.unitKey()) + ", due " + key.dueAt()
                        + ": stored " + s[0] + " owed / " + s[1] + " done, recounted " + c[0] + " / " + c[1]);
            }
        }
        return lines;
    }

    @Override
    public int rebuild() {
        em.flush();
        int changed = 0;
        for (Object id : em.createNativeQuery("SELECT id FROM ack_campaign ORDER BY id").getResultList()) {
            Long campaignId = ((Number) id).longValue();
            lockCampaign(campaignId);
            em.createNativeQuery("SELECT unit_key FROM ack_coverage_tally WHERE campaign_id = ?1 ORDER BY unit_key, due_at FOR UPDATE")
                    .setParameter(1, campaignId).getResultList();
            changed += store(stored(" WHERE campaign_id = ?1", campaignId, null), recount(" AND o.campaign_id = ?1", campaignId, null));
        }
        return changed;
    }

    /** Makes the stored rows what was counted (a row no longer counted is set to zero, never deleted); how many changed. */
    private int store(SortedMap<Key, long[]> stored, SortedMap<Key, long[]> counted) {
        int changed = 0;
        for (Key key : keys(stored, counted)) {
            long[] s = stored.get(key);
            long[] c = counted.getOrDefault(key, new long[2]);
            if (s == null) {
                insert(key, c[0], c[1]);
                changed++;
            } else if (s[0] != c[0] || s[1] != c[1]) {
                em.createNativeQuery("UPDATE ack_coverage_tally SET total = ?1, done = ?2 WHERE campaign_id = ?3 AND unit_key = ?4 AND due_at = ?5")
                        .setParameter(1, c[0]).setParameter(2, c[1]).setParameter(3, key.campaignId())
                        .setParameter(4, key.unitKey()).setParameter(5, at(key.dueAt())).executeUpdate();
                changed++;
            }
        }
        return changed;
    }

    private SortedMap<Key, long[]> recount(String where, Long campaignId, OffsetDateTime dueAt) {
        return read(RECOUNT + where + RECOUNT_GROUP, campaignId, dueAt);
    }

    private SortedMap<Key, long[]> stored(String where, Long campaignId, OffsetDateTime dueAt) {
        return read("SELECT campaign_id, unit_key, due_at, total, done FROM ack_coverage_tally" + where, campaignId, dueAt);
    }

    @SuppressWarnings("unchecked")
    private SortedMap<Key, long[]> read(String sql, Long campaignId, OffsetDateTime dueAt) {
        var query = em.createNativeQuery(sql);
        if (campaignId != null) {
            query.setParameter(1, campaignId);
        }
        if (dueAt != null) {
            query.setParameter(2, dueAt);
        }
        SortedMap<Key, long[]> rows = new TreeMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            rows.put(new Key(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), NativeTimestamps.instant(r[2])),
                    new long[]{((Number) r[3]).longValue(), ((Number) r[4]).longValue()});
        }
        return rows;
    }

    private static TreeSet<Key> keys(SortedMap<Key, long[]> a, SortedMap<Key, long[]> b) {
        TreeSet<Key> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private boolean exists(Key key) {
        return !em.createNativeQuery("SELECT 1 FROM ack_coverage_tally WHERE campaign_id = ?1 AND unit_key = ?2 AND due_at = ?3")
                .setParameter(1, key.campaignId()).setParameter(2, key.unitKey()).setParameter(3, at(key.dueAt()))
                .getResultList().isEmpty();
    }

    private void insert(Key key, long total, long done) {
        em.createNativeQuery("INSERT INTO ack_coverage_tally (campaign_id, unit_key, due_at, total, done) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, key.campaignId()).setParameter(2, key.unitKey()).setParameter(3, at(key.dueAt()))
                .setParameter(4, total).setParameter(5, done).executeUpdate();
    }

    /** The campaign's row lock: whoever creates a tally row of the campaign, or rebuilds it, holds it first. */
    private void lockCampaign(Long campaignId) {
        em.createNativeQuery("SELECT id FROM ack_campaign WHERE id = ?1 FOR UPDATE").setParameter(1, campaignId).getResultList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
