package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.students.entity.ImportRunStateException;
import org.district.socialmedia.students.entity.ImportStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Which server runs an import run's job, and the job's progress figures, on the run's row: plain statements, so
 * that a chunk's figures go in with the chunk and no entity update puts back older ones. A server that runs a
 * job beats its heartbeat (per chunk, and every few seconds between: {@link RosterJobHeartbeat}); a run
 * PREVIEWING or RUNNING whose heartbeat is older than {@link #STALE} runs nowhere (its server died or was killed)
 * and one server takes it over with a conditional update. Times are the system clock's, not the application
 * clock a test may move: a heartbeat is about machines, not the District's days.
 */
@Stateless
public class ImportRunClaims {

    /** A claim not renewed for this long belongs to a server that is gone. */
    public static final Duration STALE = Duration.ofSeconds(30);
    static final String WORKING = "status IN ('PREVIEWING', 'RUNNING')";

    @PersistenceContext
    EntityManager em;

    /** A job of the run started (or restarted) on this server. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(Long runId, long executionId, String server) {
        em.createNativeQuery("UPDATE import_run SET job_execution_id = ?, claimed_by = ?, heartbeat_at = ? WHERE id = ?")
                .setParameter(1, executionId).setParameter(2, server).setParameter(3, now()).setParameter(4, runId)
                .executeUpdate();
    }

    /** This server still runs these runs' jobs. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void heartbeat(List<Long> runIds, String server) {
        for (Long id : runIds) {
            em.createNativeQuery("UPDATE import_run SET heartbeat_at = ? WHERE id = ? AND claimed_by = ?")
                    .setParameter(1, now()).setParameter(2, id).setParameter(3, server).executeUpdate();
        }
    }

    /** Runs at work whose job no server runs any more (by ix_import_run_status), oldest first. */
    public List<Long> orphaned(int max) {
        List<?> ids = em.createNativeQuery("SELECT id FROM import_run WHERE " + WORKING
                        + " AND job_execution_id IS NOT NULL AND (heartbeat_at IS NULL OR heartbeat_at < ?) ORDER BY id")
                .setParameter(1, cutoff()).setMaxResults(max).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Takes an orphaned run over; false when another server was first, or the run finished meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(Long runId, String server) {
        return em.createNativeQuery("UPDATE import_run SET claimed_by = ?, heartbeat_at = ?, resumes = resumes + 1"
                        + " WHERE id = ? AND " + WORKING + " AND (heartbeat_at IS NULL OR heartbeat_at < ?)")
                .setParameter(1, server).setParameter(2, now()).setParameter(3, runId).setParameter(4, cutoff())
                .executeUpdate() == 1;
    }

    /** The job execution to restart, or null. */
    public Long executionOf(Long runId) {
        List<?> rows = em.createNativeQuery("SELECT job_execution_id FROM import_run WHERE id = ?").setParameter(1, runId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
    }

    /**
     * How far the reading of the run's files is, in a transaction of its own, so that every server's page and API
     * show it while the reading goes on.
     *
     * @throws ImportRunStateException when the run is no longer at work (stopped, or failed elsewhere): the reading
     *                                 ends there, instead of minutes of a District's files read for nothing
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reading(Long runId, String file, int filesRead, int filesTotal, int rows) {
        int updated = em.createNativeQuery("UPDATE import_run SET reading_file = ?, files_read = ?, files_total = ?,"
                        + " rows_read_now = ? WHERE id = ? AND status IN (?, ?)")
                .setParameter(1, file).setParameter(2, filesRead).setParameter(3, filesTotal).setParameter(4, rows)
                .setParameter(5, runId).setParameter(6, ImportStatus.PREVIEWING.name())
                .setParameter(7, ImportStatus.RUNNING.name()).executeUpdate();
        if (updated == 0) {
            throw new ImportRunStateException("Import run " + runId + " is no longer at work; its reading ends");
        }
    }

    /** The preview found these OneRoster files in the zip and read them. */
    public void filesRead(Long runId, int files) {
        em.createNativeQuery("UPDATE import_run SET files_total = ?, files_read = ? WHERE id = ?")
                .setParameter(1, files).setParameter(2, files).setParameter(3, runId).executeUpdate();
    }

    /**
     * The write's changes are stored; none is written yet.
     *
     * @throws ImportRunStateException when the run is no longer RUNNING (stopped or failed while it was planned)
     */
    public void planned(Long runId, int changes, String summary) {
        OffsetDateTime now = now();
        int updated = em.createNativeQuery("UPDATE import_run SET changes_total = ?, changes_written = 0, write_summary = ?,"
                        + " pace_since = ?, pace_written = 0, progress_at = ?, heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'")
                .setParameter(1, changes).setParameter(2, clip(summary)).setParameter(3, now).setParameter(4, now)
                .setParameter(5, now).setParameter(6, runId).executeUpdate();
        if (updated == 0) {
            throw new ImportRunStateException("Import run " + runId + " is no longer running: its planned changes are not written");
        }
    }

    /** The write (re)starts here: the time left is measured from now. */
    public void paceFromNow(Long runId) {
        OffsetDateTime now = now();
        em.createNativeQuery("UPDATE import_run SET pace_since = ?, pace_written = changes_written, heartbeat_at = ? WHERE id = ?")
                .setParameter(1, now).setParameter(2, now).setParameter(3, runId).executeUpdate();
    }

    /** A chunk's changes, in the chunk's transaction. */
    public void written(Long runId, int changes) {
        OffsetDateTime now = now();
        em.createNativeQuery("UPDATE import_run SET changes_written = changes_written + ?, progress_at = ?, heartbeat_at = ?"
                        + " WHERE id = ?")
                .setParameter(1, changes).setParameter(2, now).setParameter(3, now).setParameter(4, runId).executeUpdate();
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime cutoff() {
        return Instant.now().minus(STALE).atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
