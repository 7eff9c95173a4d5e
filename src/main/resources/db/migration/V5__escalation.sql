-- Deadline escalation: the rules in force at submission and the next time the sweep looks at each
-- open request (indexed: the sweep's cost follows the number of requests due, not stored), a record
-- per (request, review period, stage) whose unique key makes each stage happen at most once, and
-- the sweep's own status for the system administrators' panel. H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE sm_request ADD COLUMN reminders_before VARCHAR(200);
ALTER TABLE sm_request ADD COLUMN overdue_repeat VARCHAR(40);
ALTER TABLE sm_request ADD COLUMN next_escalation_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_sm_request_next_escalation ON sm_request (next_escalation_at);

CREATE SEQUENCE escalation_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE escalation_event (
    id           BIGINT        NOT NULL PRIMARY KEY,
    request_id   BIGINT        NOT NULL REFERENCES sm_request (id),
    review_cycle INTEGER       NOT NULL,
    stage        VARCHAR(40)   NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    late         BOOLEAN       NOT NULL,
    recipients   VARCHAR(2000),
    note         VARCHAR(1000),
    CONSTRAINT uq_escalation_stage UNIQUE (request_id, review_cycle, stage)
);
CREATE INDEX ix_escalation_fired ON escalation_event (fired_at);

CREATE TABLE sweep_status (
    name              VARCHAR(40)   NOT NULL PRIMARY KEY,
    last_started_at   TIMESTAMP WITH TIME ZONE,
    last_finished_at  TIMESTAMP WITH TIME ZONE,
    last_processed    INTEGER       NOT NULL,
    last_failures     INTEGER       NOT NULL,
    last_error        VARCHAR(1000),
    version           BIGINT        NOT NULL
);
INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('escalation', 0, 0, 0);
