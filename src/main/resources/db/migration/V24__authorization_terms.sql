-- Authorizations with a term (issue 20, item 3): the last day an authorization allows use, the next
-- time the deadline timer looks at it (indexed: the sweep's cost follows what is due), the renewal
-- request filed for it, and one record per (authorization, stage) whose unique key makes the
-- reminder and the end happen at most once, whichever server sweeps. Authorizations granted before
-- this version keep no end (ends_on NULL) until the Superintendent revokes them or they are renewed.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE sm_authorization ADD COLUMN ends_on DATE;
ALTER TABLE sm_authorization ADD COLUMN next_term_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sm_authorization ADD COLUMN renewal_request_id BIGINT;
CREATE INDEX ix_sm_authorization_next_term ON sm_authorization (next_term_at);

CREATE SEQUENCE authorization_term_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE authorization_term_event (
    id               BIGINT        NOT NULL PRIMARY KEY,
    authorization_id BIGINT        NOT NULL REFERENCES sm_authorization (id),
    stage            VARCHAR(20)   NOT NULL,
    ends_on          DATE          NOT NULL,
    fired_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_authorization_term_stage UNIQUE (authorization_id, ends_on, stage)
);
