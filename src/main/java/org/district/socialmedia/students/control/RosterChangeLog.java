package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.entity.ImportRunStateException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * A run's changes to write, as {@code import_change} rows (one a record, {@link RosterChangeRows}): stored in
 * chunks once its write has planned them ({@link ImportRuns#planWrite}), read a page at a time by the write's chunk step, deleted in the transaction of the
 * chunk that applied them. A row still there is a change not yet written, whatever crashed meanwhile.
 */
@Stateless
public class RosterChangeLog {

    /** Rows a JDBC batch inserts. */
    static final int BATCH = 1000;
    /** Rows a page of changes written through entities holds. */
    static final int PAGE = 500;
    /**
     * Seq numbers a range of one kind written set-wise covers at most ({@link EnrollmentWrites}, {@link LinkWrites},
     * {@link StudentWrites}, {@link GuardianWrites}):
     * far more of them than {@link #PAGE} fit in a transaction.
     */
    static final int RANGE = 10_000;
    /** The kinds whose rows are written set-wise, a range a chunk. */
    static final Set<String> SET_WISE = Set.of(RosterChangeRows.ENROLLMENT, RosterChangeRows.LINK, RosterChangeRows.STUDENT,
            RosterChangeRows.GUARDIAN);

    /** What one chunk of the write applies, in one transaction: seq numbers up to {@link #lastSeq()}. */
    public sealed interface Page permits Rows, Range {
        long lastSeq();
    }

    /** Changes written through entities ({@link RosterWriter}): none of a kind written set-wise among them. */
    public record Rows(List<RosterChange> changes) implements Page {
        @Override
        public long lastSeq() {
            return changes.get(changes.size() - 1).seq();
        }
    }

    /** Seq numbers that hold only rows of {@code kind} (one of {@link #SET_WISE}), written set-wise. */
    public record Range(String kind, long fromSeq, long toSeq) implements Page {
        @Override
        public long lastSeq() {
            return toSeq;
        }
    }

    /**
     * Binds a range's three parameters (the run, the first and the last seq), in that order from {@code at}: the
     * set-wise writers' statements name a range as {@code run_id = ? AND seq BETWEEN ? AND ?}, some of them several times.
     */
    static void bindRange(PreparedStatement statement, int at, long runId, long fromSeq, long toSeq) throws SQLException {
        statement.setLong(at, runId);
        statement.setLong(at + 1, fromSeq);
        statement.setLong(at + 2, toSeq);
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Stores one chunk of a RUNNING run's planned changes in a transaction of its own (the plan of a District is
     * millions of rows: one transaction would outlast the timeout and hold them all in the database's undo);
     * how many.
     *
     * @throws ImportRunStateException when the run is no longer RUNNING (stopped, failed meanwhile)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeChunk(Long runId, List<RosterChange> chunk) {
        // a write, not a read: it binds the transaction's connection, which unwrap answers only then, and locks the
        // run's row until the chunk commits, so that a stop or a failure waits for it
        int running = em.createNativeQuery("UPDATE import_run SET status = status WHERE id = ? AND status = 'RUNNING'")
                .setParameter(1, runId).executeUpdate();
        if (running == 0) {
            throw new ImportRunStateException("Import run " + runId + " is no longer running: its changes are not stored");
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO import_change (run_id, seq, kind, op, ref, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            int count = 0;
            for (RosterChange change : chunk) {
                insert.setLong(1, runId);
                insert.setLong(2, change.seq());
                insert.setString(3, change.kind());
                insert.setString(4, change.op());
                insert.setString(5, change.ref());
                insert.setString(6, change.payload());
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the changes of import run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The lowest and highest seq stored for the run, or null when none is. */
    public long[] seqRange(Long runId) {
        Object[] range = (Object[]) em.createNativeQuery("SELECT MIN(seq), MAX(seq) FROM import_change WHERE run_id = ?")
                .setParameter(1, runId).getSingleResult();
        return range[0] == null ? null : new long[]{((Number) range[0]).longValue(), ((Number) range[1]).longValue()};
    }

    /** Removes the run's rows from {@code fromSeq} to {@code toSeq} in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dropRange(Long runId, long fromSeq, long toSeq) {
        applied(runId, fromSeq, toSeq);
    }

    /**
     * The next page after {@code afterSeq}, or null when none is left: the rows of a kind written set-wise that come
     * next, up to {@link #RANGE} seq numbers and the next row of another kind, or else up to {@link #PAGE} other rows
     * up to the next row of a kind written set-wise.
     */
    public Page next(Long runId, long afterSeq) {
        List<RosterChange> rows = page(runId, afterSeq, PAGE);
        if (rows.isEmpty()) {
            return null;
        }
        long first = rows.get(0).seq();
        String kind = rows.get(0).kind();
        if (SET_WISE.contains(kind)) {
            // the plan numbers its rows without gaps, so these seq numbers hold at most RANGE rows
            long last = first + RANGE - 1;
            Object other = em.createNativeQuery("SELECT MIN(seq) FROM import_change WHERE run_id = ? AND seq BETWEEN ? AND ?"
                            + " AND kind <> ?")
                    .setParameter(1, runId).setParameter(2, first).setParameter(3, last)
                    .setParameter(4, kind).getSingleResult();
            return new Range(kind, first, other == null ? last : ((Number) other).longValue() - 1);
        }
        int end = 1;
        while (end < rows.size() && !SET_WISE.contains(rows.get(end).kind())) {
            end++;
        }
        return new Rows(rows.subList(0, end));
    }

    /**
     * The next changes after {@code afterSeq}, in seq order (by the primary key). The limit is in the SQL: given as
     * the JDBC statement's maximum of rows it is not planned for, and PostgreSQL, once {@code import_change} of a full
     * District's first import was analyzed, scanned and sorted the run's remaining millions of rows for each page
     * (docs/performance.md, "The first import at full scale on PostgreSQL").
     */
    public List<RosterChange> page(Long runId, long afterSeq, int max) {
        List<?> rows = em.createNativeQuery("SELECT seq, kind, op, ref, payload FROM import_change WHERE run_id = ? AND seq > ?"
                        + " ORDER BY seq FETCH FIRST " + Math.max(1, max) + " ROWS ONLY")
                .setParameter(1, runId).setParameter(2, afterSeq).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new RosterChange(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
        }).toList();
    }

    /** The changes are written: gone, in the transaction that wrote them; how many rows. */
    public int applied(Long runId, long fromSeq, long toSeq) {
        return em.createNativeQuery("DELETE FROM import_change WHERE run_id = ? AND seq BETWEEN ? AND ?")
                .setParameter(1, runId).setParameter(2, fromSeq).setParameter(3, toSeq).executeUpdate();
    }

    public void drop(Long runId) {
        em.createNativeQuery("DELETE FROM import_change WHERE run_id = ?").setParameter(1, runId).executeUpdate();
    }
}
