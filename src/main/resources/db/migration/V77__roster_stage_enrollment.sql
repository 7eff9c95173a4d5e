-- Roster import at district scale (issue 19, item 5): enrollments.csv, most of a District's rows, is no longer held
-- in the heap. Its rows are staged per run as they are read (usable, skipped for their role, or refused with the
-- reason), compared with the stored enrollments set-wise in SQL, and the write's plan is inserted into
-- import_change from here. The staged rows of a run are deleted once its preview or plan has used them, and
-- before it is staged again. No foreign key to import_run: a run's rows go in key ranges, each its own
-- transaction, and a run removed meanwhile leaves nothing the next staging of that id would not delete first.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE roster_stage_enrollment (
    run_id           BIGINT        NOT NULL,
    line_no          INTEGER       NOT NULL,
    sourced_id       VARCHAR(4000),
    -- U usable, S skipped (a teacher's, an administrator's... enrollment), R refused (reason says why)
    state            CHAR(1)       NOT NULL,
    deleted          BOOLEAN       NOT NULL,
    class_sourced_id VARCHAR(4000),
    user_sourced_id  VARCHAR(4000),
    begin_date       DATE,
    end_date         DATE,
    -- the import_change payload of the row, made by the same code as the reference's (RosterChangeRows)
    payload          VARCHAR(20000),
    reason           VARCHAR(4000),
    PRIMARY KEY (run_id, line_no)
);
-- the duplicates' check and a bulk file's absence check (which sourcedIds the file names)
CREATE INDEX ix_roster_stage_enrollment_id ON roster_stage_enrollment (run_id, sourced_id, line_no);

-- what the comparison decided for a staged row: R refused (reason says why), C create, U update, D deactivate
-- (status=tobedeleted); no row: nothing to do. Narrow and apart from the staged rows: H2 rewrites a row and each
-- of its indexes on every UPDATE, an INSERT here costs one small entry.
CREATE TABLE roster_stage_decision (
    run_id  BIGINT        NOT NULL,
    line_no INTEGER       NOT NULL,
    op      CHAR(1)       NOT NULL,
    reason  VARCHAR(4000),
    PRIMARY KEY (run_id, line_no)
);

-- sourcedIds of the students and classes the run creates: an enrollment may name them though they are not stored yet
CREATE TABLE roster_stage_key (
    run_id     BIGINT        NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    sourced_id VARCHAR(255)  NOT NULL,
    PRIMARY KEY (run_id, kind, sourced_id)
);

-- stored active enrollments a bulk enrollments.csv does not name at all: deactivated by the run
CREATE TABLE roster_stage_absent (
    run_id     BIGINT        NOT NULL,
    enrollment_id BIGINT     NOT NULL,
    sourced_id VARCHAR(255)  NOT NULL,
    PRIMARY KEY (run_id, enrollment_id)
);
