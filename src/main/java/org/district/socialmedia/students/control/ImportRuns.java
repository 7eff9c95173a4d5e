package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.control.RosterChangeLog.Page;
import org.district.socialmedia.students.control.RosterChangeLog.Range;
import org.district.socialmedia.students.control.RosterChangeLog.Rows;
import org.district.socialmedia.students.control.RosterChangeRows.Reserved;
import org.district.socialmedia.students.control.RosterChangeRows.ReservedAt;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.StagedEnrollments.Figures;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.ImportRunStateException;
import org.district.socialmedia.students.entity.ImportStatus;
import org.district.socialmedia.students.entity.RosterChanged;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stored import runs: each step of a run in its own transaction, so a failed write still leaves the
 * run FAILED; the write goes in chunks, each with its figures, and the run's COMPLETED after the last. Problems are kept up to {@link #PROBLEMS_KEPT}.
 * The uploaded zip is kept in the database (rows of 1 MiB, streamed in and out) until the run is written,
 * stopped or failed: several servers share one database, and a run previewed on one of them may be
 * confirmed, or continued after a restart, on another.
 */
@Stateless
public class ImportRuns {

    public static final int PROBLEMS_KEPT = 10_000;
    /** import_change rows the write's plan stores per transaction. */
    static final int PLAN_CHUNK = 5_000;
    /** Rows of the kept zip: a row each MiB, so that no single value nears a database's limit. */
    static final int FILE_CHUNK_BYTES = 1024 * 1024;
    static final String LAST_COMPLETED = "SELECT r FROM ImportRun r WHERE r.status = :status ORDER BY r.id DESC";

    @PersistenceContext
    EntityManager em;
    @Inject
    RunFiles files;
    @Inject
    RosterWriter writer;
    @Inject
    RosterChangeLog changes;
    @Inject
    EnrollmentStaging staging;
    @Inject
    UserStaging users;
    @Inject
    ImportRunClaims claims;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<RosterChanged> rosterChanged;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long create(String sha256, String fileName, String by) {
        ImportRun run = new ImportRun(sha256, fileName, by, clock.instant());
        em.persist(run);
        em.flush();
        audit.record("ROSTER_IMPORT_STARTED", "ImportRun", run.getId(), "file SHA-256 " + sha256);
        return run.getId();
    }

    /**
     * Outside the run's transaction, a part at a time ({@link RunFiles#drop}): a District's zip removed in one
     * transaction would hold its 460 MB in H2's heap as the keeping did. The run is ending when it is called.
     */
    private void dropFile(Long id) {
        files.drop(id);
    }

    /**
     * Stores the preview; with {@code startWhenClear} and no limit passed the run is RUNNING in the same
     * transaction, so that nobody sees it awaiting a confirmation it does not need.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportRun previewed(Long id, Plan plan, String idSource, boolean startWhenClear) {
        ImportRun run = find(id);
        run.previewed(plan.bulk(), idSource, plan.roster().mostFilledIdSource(), plan.report().figures(),
                plan.report().summary(), plan.roster().rows(), plan.rejectedRows(), plan.problemCount(),
                String.join("; ", plan.limitReasons()));
        List<ImportProblem> problems = plan.staged() == null ? plan.problems()
                : merged(plan.problems(), staging.problems(id, PROBLEMS_KEPT));
        if (plan.users() != null) {
            problems = merged(problems, users.problems(id, PROBLEMS_KEPT));
        }
        for (int i = 0; i < Math.min(problems.size(), PROBLEMS_KEPT); i++) {
            ImportProblem p = problems.get(i);
            em.createNativeQuery("INSERT INTO import_run_problem (run_id, seq, file_name, line_no, reason) VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, id).setParameter(2, i).setParameter(3, clip(p.file(), 64)).setParameter(4, p.line())
                    .setParameter(5, clip(p.reason(), 1000)).executeUpdate();
        }
        // the job's thread may carry no caller: the run's own starter is the actor
        audit.recordAs(run.getStartedBy(), "ROSTER_IMPORT_PREVIEWED", "ImportRun", id, plan.report().summary()
                + (run.needsConfirmation() ? "; awaits confirmation: " + run.getLimitReasons() : ""));
        if (startWhenClear && !run.needsConfirmation()) {
            run.start();
        }
        return run;
    }

    /** Both lists in file and line order, as one in that order (the first of equal keys first). */
    static List<ImportProblem> merged(List<ImportProblem> held, List<ImportProblem> staged) {
        Comparator<ImportProblem> order = Comparator.comparing(ImportProblem::file).thenComparingInt(ImportProblem::line);
        List<ImportProblem> all = new ArrayList<>(held.size() + staged.size());
        int i = 0;
        int j = 0;
        while (i < held.size() || j < staged.size()) {
            if (j == staged.size() || i < held.size() && order.compare(held.get(i), staged.get(j)) <= 0) {
                all.add(held.get(i++));
            } else {
                all.add(staged.get(j++));
            }
        }
        return all;
    }

    /** A system administrator's go: the run is RUNNING, and its job writes it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportRun confirm(Long id, String by) {
        ImportRun run = find(id);
        run.confirm(by, clock.instant());
        audit.record("ROSTER_IMPORT_CONFIRMED", "ImportRun", id, run.needsConfirmation() ? run.getLimitReasons() : "within the limits");
        return run;
    }

    /**
     * Stores what the RUNNING run's write will change (planned again now): the write's first step. Its chunks then
     * apply the rows ({@link #applyChunk}). The rows go in {@link #PLAN_CHUNK} at a time, each chunk in its own
     * transaction; what a plan cut off by a crash had stored is removed first, the same way, so that the plan run
     * again replaces it whole. The chunk step starts only after this step ended, with the total stored last.
     *
     * @throws ImportRunStateException when the run is not (or no longer) RUNNING
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int planWrite(Long id, Plan plan) {
        requireRunning(find(id));
        long[] left = changes.seqRange(id);
        if (left != null) {
            for (long from = left[0]; from <= left[1]; from += PLAN_CHUNK) {
                changes.dropRange(id, from, Math.min(left[1], from + PLAN_CHUNK - 1));
            }
        }
        List<RosterChange> chunk = new ArrayList<>(PLAN_CHUNK);
        int[] total = new int[1];
        Figures staged = plan.staged();
        StagedUsers.Figures stagedUsers = plan.users();
        Reserved reserved = new Reserved(staged == null ? 0 : staged.writes(), staged == null ? 0 : staged.deactivated(),
                stagedUsers == null ? 0 : stagedUsers.writes(), stagedUsers == null ? 0 : stagedUsers.links(),
                stagedUsers == null ? 0 : stagedUsers.deactivations());
        ReservedAt at = RosterChangeRows.forEach(plan.changes(), plan.staff(), change -> {
            chunk.add(change);
            if (chunk.size() == PLAN_CHUNK) {
                total[0] += changes.storeChunk(id, chunk);
                chunk.clear();
            }
        }, reserved);
        if (!chunk.isEmpty()) {
            total[0] += changes.storeChunk(id, chunk);
        }
        if (staged != null) {
            total[0] += storeStaged(id, at.writes(), false, reserved.writes());
            total[0] += storeStaged(id, at.deactivations(), true, reserved.deactivations());
        }
        if (stagedUsers != null) {
            total[0] += storeStagedUsers(id, at.userWrites(), UserStaging.Part.WRITES, reserved.userWrites());
            total[0] += storeStagedUsers(id, at.links(), UserStaging.Part.LINKS, reserved.links());
            total[0] += storeStagedUsers(id, at.userDeactivations(), UserStaging.Part.DEACTIVATIONS, reserved.userDeactivations());
        }
        claims.planned(id, total[0], plan.report().summary());
        return total[0];
    }

    /** The staged users' rows into the seq numbers left free for them: exactly as many as the preview counted. */
    private int storeStagedUsers(Long id, long firstSeq, UserStaging.Part part, long expected) {
        int stored = users.storePlan(id, firstSeq, part);
        if (stored != expected) {
            throw new IllegalStateException("Import run " + id + ": " + stored + " user " + part.name().toLowerCase(Locale.ROOT)
                    + " stored where " + expected + " were counted");
        }
        return stored;
    }

    /** The staged enrollments' rows into the seq numbers left free for them: exactly as many as the preview counted. */
    private int storeStaged(Long id, long firstSeq, boolean deactivations, long expected) {
        int stored = staging.storePlan(id, firstSeq, deactivations);
        if (stored != expected) {
            throw new IllegalStateException("Import run " + id + ": " + stored + " enrollment "
                    + (deactivations ? "deactivations" : "changes") + " stored where " + expected + " were counted");
        }
        return stored;
    }

    /** One page of the write ({@link RosterChangeLog#next}), in the chunk's transaction. */
    public void apply(Long id, Page page) {
        if (page instanceof Range range) {
            applyRange(id, range);
        } else {
            applyChunk(id, ((Rows) page).changes());
        }
    }

    /**
     * A range of one kind's rows, set-wise ({@link EnrollmentWrites}, {@link LinkWrites}, {@link StudentWrites},
     * {@link GuardianWrites}), in the chunk's transaction:
     * what {@link #applyChunk} does for the same rows through entities (the records, the deactivations recorded for
     * the undo, the rows' removal, the run's figures, one event per school touched), together or not at all.
     */
    public void applyRange(Long id, Range range) {
        Instant now = clock.instant();
        long from = range.fromSeq();
        long to = range.toSeq();
        TouchedSchools schools = new TouchedSchools();
        StagingConnection.call(em, "the " + range.kind().toLowerCase(Locale.ROOT) + " rows of import run " + id, c ->
                switch (range.kind()) {
                    case RosterChangeRows.ENROLLMENT -> EnrollmentWrites.apply(c, id, from, to, now);
                    case RosterChangeRows.LINK -> LinkWrites.apply(c, id, from, to);
                    case RosterChangeRows.STUDENT -> StudentWrites.apply(c, id, from, to, now);
                    case RosterChangeRows.GUARDIAN -> GuardianWrites.apply(c, id, from, to, now);
                    default -> throw new IllegalArgumentException("No set-wise write of " + range.kind() + " rows");
                }).forEach(schools::of);
        int rows = changes.applied(id, from, to);
        claims.written(id, rows);
        schools.tell(rosterChanged);
    }

    /**
     * One chunk of the write, in the chunk's transaction: its records, what it deactivated (for the undo), the
     * removal of its rows and the run's figures go in together or not at all.
     */
    public void applyChunk(Long id, List<RosterChange> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Set<String>> deactivated = writer.apply(RosterChangeRows.part(chunk));
        recordDeactivations(id, deactivated);
        changes.applied(id, chunk.get(0).seq(), chunk.get(chunk.size() - 1).seq());
        claims.written(id, chunk.size());
    }

    /** Every change is written: the run is COMPLETED, its file dropped. A run already finished stays as it is. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportRun completeWrite(Long id) {
        ImportRun run = find(id);
        if (run.getStatus() != ImportStatus.RUNNING) {
            return run;
        }
        Number deactivations = (Number) em.createNativeQuery("SELECT COUNT(*) FROM import_run_deactivation WHERE run_id = ?")
                .setParameter(1, id).getSingleResult();
        changes.drop(id);
        String summary = run.getWriteSummary() == null ? "nothing to write" : run.getWriteSummary();
        run.complete(summary, deactivations.intValue(), clock.instant());
        dropFile(id);
        audit.recordAs(run.getStartedBy(), "ROSTER_IMPORTED", "Roster", null, summary);
        return run;
    }

    private void recordDeactivations(Long id, Map<String, Set<String>> deactivated) {
        deactivated.forEach((kind, ids) -> ids.forEach(recordId -> em.createNativeQuery(
                        "INSERT INTO import_run_deactivation (run_id, kind, record_id) VALUES (?, ?, ?)")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, recordId).executeUpdate()));
    }

    private static void requireRunning(ImportRun run) {
        if (run.getStatus() != ImportStatus.RUNNING) {
            throw new ImportRunStateException("Import run " + run.getId() + " is " + run.getStatus() + ", not running");
        }
    }

    /** A chunk failed: the run is FAILED, saying how much of it the chunks before had written. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failedWriting(Long id, RuntimeException cause) {
        ImportRun run = em.find(ImportRun.class, id);
        if (run != null) {
            failed(id, "stopped after " + run.getChangesWritten() + " of " + run.getChangesTotal()
                    + " changes were written: " + cause.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Long id, String reason) {
        ImportRun run = em.find(ImportRun.class, id);
        if (run != null && !run.getStatus().isFinished()) {
            run.fail(reason, clock.instant());
            dropFile(id);
            changes.drop(id);
            audit.recordAs(run.getStartedBy(), "ROSTER_IMPORT_FAILED", "ImportRun", id, reason);
        }
    }

    public ImportRun stop(Long id, String by) {
        ImportRun run = find(id);
        run.stop(by, clock.instant());
        dropFile(id);
        audit.record("ROSTER_IMPORT_STOPPED", "ImportRun", id, "nothing was written");
        return run;
    }

    /** Reactivates exactly what the last completed run deactivated. */
    public ImportRun undoLastDeactivations(String by) {
        ImportRun run = em.createQuery(LAST_COMPLETED, ImportRun.class).setParameter("status", ImportStatus.COMPLETED)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new ImportRunStateException("No import run has completed yet"));
        run.undone(by, clock.instant());
        Map<String, Set<String>> deactivated = new HashMap<>();
        List<?> rows = em.createNativeQuery("SELECT kind, record_id FROM import_run_deactivation WHERE run_id = ?")
                .setParameter(1, run.getId()).getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            deactivated.computeIfAbsent((String) cells[0], k -> new HashSet<>()).add((String) cells[1]);
        }
        int reactivated = writer.reactivate(deactivated);
        run = find(run.getId());
        audit.record("ROSTER_IMPORT_UNDONE", "ImportRun", run.getId(), reactivated + " records deactivated by this run reactivated");
        return run;
    }

    public ImportRun find(Long id) {
        ImportRun run = id == null ? null : em.find(ImportRun.class, id);
        if (run == null) {
            throw new NotFoundException("import run " + id);
        }
        return run;
    }

    public List<ImportProblem> problems(Long id, int first, int size) {
        List<?> rows = em.createNativeQuery("SELECT file_name, line_no, reason FROM import_run_problem WHERE run_id = ?"
                        + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .setParameter(1, id).setParameter(2, first).setParameter(3, size).getResultList();
        return rows.stream().map(row -> {
            Object[] cells = (Object[]) row;
            return new ImportProblem((String) cells[0], ((Number) cells[1]).intValue(), (String) cells[2]);
        }).toList();
    }

    /** Runs whose preview waits for a system administrator to import or stop them, oldest first (by ix_import_run_status). */
    public List<ImportRun> awaiting(int max) {
        return em.createQuery("SELECT r FROM ImportRun r WHERE r.status = :s ORDER BY r.id", ImportRun.class)
                .setParameter("s", ImportStatus.AWAITING_CONFIRMATION).setMaxResults(max).getResultList();
    }

    public long countAwaiting() {
        return em.createQuery("SELECT COUNT(r.id) FROM ImportRun r WHERE r.status = :s", Long.class)
                .setParameter("s", ImportStatus.AWAITING_CONFIRMATION).getSingleResult();
    }

    public List<ImportRun> latest(int max) {
        return em.createQuery("SELECT r FROM ImportRun r ORDER BY r.id DESC", ImportRun.class).setMaxResults(max).getResultList();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
