-- Roster import writes in checkpointed chunks (issue 19, item 4). The write step first stores what the run
-- will change, one row a record in apply order (seq); its chunk step applies them a few hundred at a time and
-- deletes each applied row in the chunk's own transaction, so a chunk replayed after a crash finds its rows
-- gone and changes nothing twice. The run carries the claim of the server that runs its job (claimed_by,
-- heartbeat_at: a claim whose heartbeat is older than 30 s is taken over by another server's sweep, which
-- restarts the job from its checkpoint), the job execution to restart, and the progress figures every server
-- shows. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE import_change (
    run_id  BIGINT        NOT NULL REFERENCES import_run (id),
    seq     BIGINT        NOT NULL,
    kind    VARCHAR(20)   NOT NULL,
    op      VARCHAR(20)   NOT NULL,
    ref     VARCHAR(255)  NOT NULL,
    payload VARCHAR(20000),
    PRIMARY KEY (run_id, seq)
);

ALTER TABLE import_run ADD COLUMN job_execution_id BIGINT;
ALTER TABLE import_run ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE import_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_run ADD COLUMN files_total INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_run ADD COLUMN files_read INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_run ADD COLUMN changes_total INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_run ADD COLUMN changes_written INTEGER DEFAULT 0 NOT NULL;
-- the pace of the write since it (re)started, for the time left
ALTER TABLE import_run ADD COLUMN pace_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_run ADD COLUMN pace_written INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_run ADD COLUMN progress_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_run ADD COLUMN resumes INTEGER DEFAULT 0 NOT NULL;
-- the write's plan summary (what it found when it planned again), the outcome's text when it completes
ALTER TABLE import_run ADD COLUMN write_summary VARCHAR(4000);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('roster-resume', 0, 0, 0);
