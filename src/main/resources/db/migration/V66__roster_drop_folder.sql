-- The roster drop folder (ROSTER_DROP_DIR): one row per zip a server took from it. The server first renames the
-- file into the folder's processing/ (atomic: of several servers sharing the folder, one gets it), under a name
-- made unique by the time and a random part; that name is the key, so the row is written once. The row then
-- holds the run the zip started, or why it was refused, and when the system administrators were told that it
-- stopped (once: a conditional UPDATE of told_at). H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE roster_drop (
    claimed_name     VARCHAR(400)  NOT NULL,
    original_name    VARCHAR(255)  NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id           BIGINT,
    refused_reason   VARCHAR(1000),
    told_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_roster_drop PRIMARY KEY (claimed_name),
    CONSTRAINT fk_roster_drop_run FOREIGN KEY (run_id) REFERENCES import_run (id)
);
CREATE INDEX ix_roster_drop_untold ON roster_drop (told_at, claimed_at);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('roster-drop', 0, 0, 0);
