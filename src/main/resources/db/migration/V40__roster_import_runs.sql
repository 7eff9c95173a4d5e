-- Roster import runs (issue 19): every import is previewed and kept with its file's SHA-256, who ran
-- it, the preview's figures, the confirmation and the outcome; its problems (the first ones) and what
-- it deactivated, so that one action can undo the last run's deactivations. Staff users get their
-- origin (HAND, SSO, ROSTER) and the roster's sourcedId: an import deactivates only roster staff.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE SEQUENCE import_run_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE import_run (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    status                VARCHAR(30)   NOT NULL,
    file_sha256           VARCHAR(64)   NOT NULL,
    file_name             VARCHAR(255),
    started_by            VARCHAR(64)   NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    bulk                  BOOLEAN       NOT NULL,
    id_source             VARCHAR(64),
    most_filled_id_source VARCHAR(64),
    preview_figures       VARCHAR(4000),
    preview_summary       VARCHAR(4000),
    rows_read             INTEGER       NOT NULL,
    rows_rejected         INTEGER       NOT NULL,
    problem_count         INTEGER       NOT NULL,
    limit_reasons         VARCHAR(4000),
    confirmed_by          VARCHAR(64),
    confirmed_at          TIMESTAMP WITH TIME ZONE,
    finished_at           TIMESTAMP WITH TIME ZONE,
    outcome               VARCHAR(4000),
    deactivations         INTEGER       NOT NULL,
    undone_by             VARCHAR(64),
    undone_at             TIMESTAMP WITH TIME ZONE,
    version               BIGINT        NOT NULL
);
CREATE INDEX ix_import_run_status ON import_run (status, id);

CREATE TABLE import_run_problem (
    run_id   BIGINT        NOT NULL REFERENCES import_run (id),
    seq      INTEGER       NOT NULL,
    file_name VARCHAR(64)  NOT NULL,
    line_no  INTEGER       NOT NULL,
    reason   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- kind: STUDENT, GUARDIAN, CLASS, ENROLLMENT (by sourcedId) or STAFF (by staff_user id as text)
CREATE TABLE import_run_deactivation (
    run_id    BIGINT       NOT NULL REFERENCES import_run (id),
    kind      VARCHAR(20)  NOT NULL,
    record_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (run_id, kind, record_id)
);

ALTER TABLE staff_user ADD COLUMN origin VARCHAR(10) DEFAULT 'HAND' NOT NULL;
ALTER TABLE staff_user ADD COLUMN roster_sourced_id VARCHAR(255);
CREATE UNIQUE INDEX uq_staff_user_roster_sourced_id ON staff_user (roster_sourced_id);
