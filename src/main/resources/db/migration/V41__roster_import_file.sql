-- The uploaded OneRoster zip of a run that is not finished yet (issue 19): kept in the database, not in
-- a server's folder, because several servers share the database and a run previewed on one of them may
-- be confirmed on another. Rows of 1 MiB; removed when the run completes, fails or is stopped.
-- BYTEA: PostgreSQL's binary type, which H2 accepts as a name for BINARY VARYING.
CREATE TABLE import_run_file (
    run_id  BIGINT  NOT NULL REFERENCES import_run (id),
    seq     INTEGER NOT NULL,
    content BYTEA   NOT NULL,
    PRIMARY KEY (run_id, seq)
);
