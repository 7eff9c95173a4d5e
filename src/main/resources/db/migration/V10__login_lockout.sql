-- Failed sign-ins per username (existing or not: the answer must not tell), for the temporary lock
-- after repeated failures. Rows of a username are removed at its next successful sign-in; the audit
-- log keeps every attempt. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE SEQUENCE login_failure_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE login_failure (
    id        BIGINT      NOT NULL PRIMARY KEY,
    username  VARCHAR(64) NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_login_failure_username ON login_failure (username, failed_at DESC);
