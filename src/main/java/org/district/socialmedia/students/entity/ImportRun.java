package org.district.socialmedia.students.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One roster import: the file (its SHA-256), who started it and when, what its preview found, who
 * confirmed it, and how it ended. Guards its own life: PREVIEWING, then AWAITING_CONFIRMATION or RUNNING,
 * then COMPLETED or FAILED; STOPPED only before anything was written.
 */
@Entity
@Table(name = "import_run")
public class ImportRun implements Serializable {

    public static final int TEXT_MAX = 4000;
    public static final int NAME_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 1)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private ImportStatus status;

    @Column(name = "file_sha256", length = 64, nullable = false, updatable = false)
    private String fileSha256;

    @Column(name = "file_name", length = NAME_MAX)
    private String fileName;

    @Column(name = "started_by", length = 64, nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "bulk", nullable = false)
    private boolean bulk;

    @Column(name = "id_source", length = 64)
    private String idSource;

    @Column(name = "most_filled_id_source", length = 64)
    private String mostFilledIdSource;

    /** The preview's figures, "students 3/1/2/37; guardians ..." (see ImportFigures in control). */
    @Column(name = "preview_figures", length = TEXT_MAX)
    private String previewFigures;

    @Column(name = "preview_summary", length = TEXT_MAX)
    private String previewSummary;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_rejected", nullable = false)
    private int rowsRejected;

    @Column(name = "problem_count", nullable = false)
    private int problemCount;

    /** Why a confirmation is needed (limits passed), or null. */
    @Column(name = "limit_reasons", length = TEXT_MAX)
    private String limitReasons;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "outcome", length = TEXT_MAX)
    private String outcome;

    @Column(name = "deactivations", nullable = false)
    private int deactivations;

    @Column(name = "undone_by", length = 64)
    private String undoneBy;

    @Column(name = "undone_at")
    private Instant undoneAt;

    // The job's figures and claim: written by the job's own statements (students/control/ImportRunClaims), chunk
    // by chunk and by whichever server runs it, never by this entity, whose update would put back what it read.
    @Column(name = "job_execution_id", insertable = false, updatable = false)
    private Long jobExecutionId;

    @Column(name = "claimed_by", insertable = false, updatable = false)
    private String claimedBy;

    @Column(name = "heartbeat_at", insertable = false, updatable = false)
    private Instant heartbeatAt;

    @Column(name = "files_total", insertable = false, updatable = false)
    private int filesTotal;

    @Column(name = "files_read", insertable = false, updatable = false)
    private int filesRead;

    @Column(name = "reading_file", insertable = false, updatable = false)
    private String readingFile;

    @Column(name = "rows_read_now", insertable = false, updatable = false)
    private int rowsReadNow;

    @Column(name = "changes_total", insertable = false, updatable = false)
    private int changesTotal;

    @Column(name = "changes_written", insertable = false, updatable = false)
    private int changesWritten;

    @Column(name = "pace_since", insertable = false, updatable = false)
    private Instant paceSince;

    @Column(name = "pace_written", insertable = false, updatable = false)
    private int paceWritten;

    @Column(name = "progress_at", insertable = false, updatable = false)
    private Instant progressAt;

    @Column(name = "resumes", insertable = false, updatable = false)
    private int resumes;

    @Column(name = "write_summary", insertable = false, updatable = false)
    private String writeSummary;

    @Version
    private long version;

    protected ImportRun() {
    }

    public ImportRun(String fileSha256, String fileName, String startedBy, Instant startedAt) {
        this.fileSha256 = Objects.requireNonNull(fileSha256, "fileSha256");
        this.fileName = fileName == null ? null : clip(fileName, NAME_MAX);
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.status = ImportStatus.PREVIEWING;
    }

    /**
     * The preview is done. With limit reasons, or when asked to wait, the run awaits a confirmation;
     * otherwise it may run at once ({@link #start}).
     */
    public void previewed(boolean bulk, String idSource, String mostFilledIdSource, String figures, String summary,
                          int rowsRead, int rowsRejected, int problemCount, String limitReasons) {
        require(ImportStatus.PREVIEWING, "preview");
        this.bulk = bulk;
        this.idSource = idSource;
        this.mostFilledIdSource = mostFilledIdSource;
        this.previewFigures = figures;
        this.previewSummary = clip(summary, TEXT_MAX);
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
        this.problemCount = problemCount;
        this.limitReasons = limitReasons == null || limitReasons.isBlank() ? null : clip(limitReasons, TEXT_MAX);
        this.status = ImportStatus.AWAITING_CONFIRMATION;
    }

    public boolean needsConfirmation() {
        return limitReasons != null;
    }

    /** A system administrator's go (the boundary checks the role); recorded even when no limit was passed. */
    public void confirm(String by, Instant at) {
        require(ImportStatus.AWAITING_CONFIRMATION, "confirm");
        this.confirmedBy = Objects.requireNonNull(by, "by");
        this.confirmedAt = at;
        this.status = ImportStatus.RUNNING;
    }

    /** Runs without a confirmation: allowed only when the preview passed no limit. */
    public void start() {
        require(ImportStatus.AWAITING_CONFIRMATION, "start");
        if (needsConfirmation()) {
            throw new ImportRunStateException("Import run " + id + " needs a system administrator's confirmation: " + limitReasons);
        }
        this.status = ImportStatus.RUNNING;
    }

    public void complete(String outcome, int deactivations, Instant at) {
        require(ImportStatus.RUNNING, "complete");
        this.outcome = clip(outcome, TEXT_MAX);
        this.deactivations = deactivations;
        this.finishedAt = at;
        this.status = ImportStatus.COMPLETED;
    }

    public void fail(String reason, Instant at) {
        if (status.isFinished()) {
            throw new ImportRunStateException("Import run " + id + " is already " + status);
        }
        // a database's message may quote the value it refused, NUL included, which PostgreSQL refuses in turn
        this.outcome = clip(reason == null ? "failed" : reason.replace('\u0000', ' '), TEXT_MAX);
        this.finishedAt = at;
        this.status = ImportStatus.FAILED;
    }

    /** Stops a run before anything was written. */
    public void stop(String by, Instant at) {
        if (status != ImportStatus.PREVIEWING && status != ImportStatus.AWAITING_CONFIRMATION) {
            throw new ImportRunStateException("Import run " + id + " is " + status + "; only a run not yet writing can be stopped");
        }
        this.outcome = "stopped by " + by + "; nothing was written";
        this.finishedAt = at;
        this.status = ImportStatus.STOPPED;
    }

    /** Its deactivations were undone (once). */
    public void undone(String by, Instant at) {
        if (status != ImportStatus.COMPLETED || deactivations == 0) {
            throw new ImportRunStateException("Import run " + id + " deactivated nothing that could be undone");
        }
        if (undoneAt != null) {
            throw new ImportRunStateException("The deactivations of import run " + id + " were already undone");
        }
        this.undoneBy = Objects.requireNonNull(by, "by");
        this.undoneAt = at;
    }

    /**
     * The write's time left at the pace since it last (re)started: null before its first chunk, or when it is not
     * writing.
     */
    public Duration timeLeft() {
        return status == ImportStatus.RUNNING ? timeLeft(changesTotal, changesWritten, paceSince, paceWritten, progressAt) : null;
    }

    /**
     * @param since        when the pace was last reset (the write's start, or its resume), with writtenSince written then
     * @param at           the last chunk's time, with written written by then
     * @return the time the rest takes at that pace, or null without a chunk since
     */
    public static Duration timeLeft(int total, int written, Instant since, int writtenSince, Instant at) {
        int recent = written - writtenSince;
        if (since == null || at == null || recent <= 0) {
            return null;
        }
        long elapsedMillis = Math.max(1, Duration.between(since, at).toMillis());
        long remaining = Math.max(0, total - written);
        return Duration.ofMillis(remaining * elapsedMillis / recent);
    }

    private void require(ImportStatus expected, String action) {
        if (status != expected) {
            throw new ImportRunStateException("Cannot " + action + " import run " + id + ": it is " + status
                    + (expected == ImportStatus.AWAITING_CONFIRMATION ? ", not awaiting confirmation" : ""));
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public ImportStatus getStatus() { return status; }
    public String getFileSha256() { return fileSha256; }
    public String getFileName() { return fileName; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public boolean isBulk() { return bulk; }
    public String getIdSource() { return idSource; }
    public String getMostFilledIdSource() { return mostFilledIdSource; }
    public String getPreviewFigures() { return previewFigures; }
    public String getPreviewSummary() { return previewSummary; }
    public int getRowsRead() { return rowsRead; }
    public int getRowsRejected() { return rowsRejected; }
    public int getProblemCount() { return problemCount; }
    public String getLimitReasons() { return limitReasons; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getOutcome() { return outcome; }
    public int getDeactivations() { return deactivations; }
    public String getUndoneBy() { return undoneBy; }
    public Instant getUndoneAt() { return undoneAt; }
    public long getVersion() { return version; }
    public Long getJobExecutionId() { return jobExecutionId; }
    public String getClaimedBy() { return claimedBy; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public int getFilesTotal() { return filesTotal; }
    public int getFilesRead() { return filesRead; }
    /** The file the job is reading now (the preview, or the write's plan), or null. */
    public String getReadingFile() { return readingFile; }
    /** Data rows the job's reading has got through so far, all files together. */
    public int getRowsReadNow() { return rowsReadNow; }
    public int getChangesTotal() { return changesTotal; }
    public int getChangesWritten() { return changesWritten; }
    public Instant getProgressAt() { return progressAt; }
    public int getResumes() { return resumes; }
    public String getWriteSummary() { return writeSummary; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportRun other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
