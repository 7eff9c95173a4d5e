package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ejb.Stateless;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterPreview.Plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's changes to write, as {@code import_change} rows (one a record, {@link RosterChangeRows}): stored once
 * its write has planned them, read a page at a time by the write's chunk step, deleted in the transaction of the
 * chunk that applied them. A row still there is a change not yet written, whatever crashed meanwhile.
 */
@Stateless
public class RosterChangeLog {

    /** Rows a JDBC batch inserts. */
    static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    /** Replaces whatever was stored for the run with the plan's changes, in the caller's transaction; how many. */
    public int store(Long runId, Plan plan) {
        drop(runId);
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        AtomicInteger count = new AtomicInteger();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO import_change (run_id, seq, kind, op, ref, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            RosterChangeRows.forEach(plan.changes(), plan.staff(), change -> {
                try {
                    insert.setLong(1, runId);
                    insert.setLong(2, change.seq());
                    insert.setString(3, change.kind());
                    insert.setString(4, change.op());
                    insert.setString(5, change.ref());
                    insert.setString(6, change.payload());
                    insert.addBatch();
                    if (count.incrementAndGet() % BATCH == 0) {
                        insert.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot store the changes of import run " + runId + ": " + e.getMessage(), e);
                }
            });
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the changes of import run " + runId + ": " + e.getMessage(), e);
        }
        return count.get();
    }

    /** The next changes after {@code afterSeq}, in seq order (by the primary key). */
    public List<RosterChange> page(Long runId, long afterSeq, int max) {
        List<?> rows = em.createNativeQuery("SELECT seq, kind, op, ref, payload FROM import_change WHERE run_id = ? AND seq > ?"
                        + " ORDER BY seq")
                .setParameter(1, runId).setParameter(2, afterSeq).setMaxResults(max).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new RosterChange(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
        }).toList();
    }

    /** The changes are written: gone, in the transaction that wrote them. */
    public void applied(Long runId, long fromSeq, long toSeq) {
        em.createNativeQuery("DELETE FROM import_change WHERE run_id = ? AND seq BETWEEN ? AND ?")
                .setParameter(1, runId).setParameter(2, fromSeq).setParameter(3, toSeq).executeUpdate();
    }

    public void drop(Long runId) {
        em.createNativeQuery("DELETE FROM import_change WHERE run_id = ?").setParameter(1, runId).executeUpdate();
    }
}
