package org.district.socialmedia.students.entity;

/** Where a roster import run stands. The names are a contract (API, pages, a later batch job). */
public enum ImportStatus {
    /** Reading the files and computing what would change; nothing is written. */
    PREVIEWING,
    /** The preview is done; nothing is written until a system administrator confirms (or stops) it. */
    AWAITING_CONFIRMATION,
    /** Writing. */
    RUNNING,
    COMPLETED,
    FAILED,
    /** Stopped or cancelled before writing: nothing was written. */
    STOPPED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
