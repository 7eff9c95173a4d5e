package org.district.socialmedia.students.boundary;

import org.district.socialmedia.students.control.ImportProblem;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.ImportStatus;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import run as the API and the page show it. {@code counts}: by kind (students, guardians, staff,
 * classes, enrollments) the created, updated, deactivated and unchanged records: what the preview found,
 * which is what a completed run wrote. The job's progress: {@code filesRead} of {@code filesTotal} OneRoster files
 * read by the preview (or read again by the write's plan), {@code readingFile} the one being read now (null when
 * none is) and {@code rowsRead} the data rows read so far, all files together (moving while the files are read,
 * at most a second behind); {@code rowsWritten} of {@code rowsToWrite} record changes written by the write's chunks
 * ({@code rows} and {@code rejectedRows} are the rows read and rejected); {@code secondsLeft}, the write's time
 * left at its pace so far (null before its first chunk); {@code resumes}, how often a server took the run over
 * after a crash and restarted its job from the last checkpoint.
 */
public record RunView(Long id, ImportStatus status, String fileSha256, String fileName, String startedBy,
                      Instant startedAt, boolean bulk, String idSource, String mostFilledIdSource,
                      Map<String, Counts> counts, String summary, int rows, int rejectedRows, int problemCount,
                      String limitReasons, boolean needsConfirmation, String confirmedBy, Instant confirmedAt,
                      Instant finishedAt, String outcome, int deactivations, String undoneBy, Instant undoneAt,
                      List<ImportProblem> problems, int filesTotal, int filesRead, int rowsWritten, int rowsToWrite,
                      Long secondsLeft, int resumes, int rowsRead, String readingFile)
        implements Serializable {

    public record Counts(int created, int updated, int deactivated, int unchanged) implements Serializable {
    }

    static RunView of(ImportRun r) {
        return new RunView(r.getId(), r.getStatus(), r.getFileSha256(), r.getFileName(), r.getStartedBy(), r.getStartedAt(),
                r.isBulk(), r.getIdSource(), r.getMostFilledIdSource(), counts(r.getPreviewFigures()), r.getPreviewSummary(),
                r.getRowsRead(), r.getRowsRejected(), r.getProblemCount(), r.getLimitReasons(), r.needsConfirmation(),
                r.getConfirmedBy(), r.getConfirmedAt(), r.getFinishedAt(), r.getOutcome(), r.getDeactivations(),
                r.getUndoneBy(), r.getUndoneAt(), List.of(), r.getFilesTotal(), r.getFilesRead(), r.getChangesWritten(),
                r.getChangesTotal(), r.timeLeft() == null ? null : Math.max(1, r.timeLeft().toSeconds()), r.getResumes(),
                r.getRowsReadNow(), r.getReadingFile());
    }

    /** With a page of its problems (file, line, reason). */
    RunView withProblems(List<ImportProblem> page) {
        return new RunView(id, status, fileSha256, fileName, startedBy, startedAt, bulk, idSource, mostFilledIdSource, counts,
                summary, rows, rejectedRows, problemCount, limitReasons, needsConfirmation, confirmedBy, confirmedAt,
                finishedAt, outcome, deactivations, undoneBy, undoneAt, List.copyOf(page), filesTotal, filesRead, rowsWritten,
                rowsToWrite, secondsLeft, resumes, rowsRead, readingFile);
    }

    /** "students 3/1/2/37; guardians 0/0/0/41; ..." back into counts. */
    static Map<String, Counts> counts(String figures) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        if (figures == null) {
            return counts;
        }
        for (String part : figures.split(";")) {
            String[] kindAndNumbers = part.strip().split(" ");
            String[] n = kindAndNumbers[1].split("/");
            counts.put(kindAndNumbers[0], new Counts(Integer.parseInt(n[0]), Integer.parseInt(n[1]),
                    Integer.parseInt(n[2]), Integer.parseInt(n[3])));
        }
        return counts;
    }

    public Counts students() { return counts.getOrDefault("students", new Counts(0, 0, 0, 0)); }
    public Counts guardians() { return counts.getOrDefault("guardians", new Counts(0, 0, 0, 0)); }
    public Counts staff() { return counts.getOrDefault("staff", new Counts(0, 0, 0, 0)); }
    public Counts classes() { return counts.getOrDefault("classes", new Counts(0, 0, 0, 0)); }
    public Counts enrollments() { return counts.getOrDefault("enrollments", new Counts(0, 0, 0, 0)); }
}
