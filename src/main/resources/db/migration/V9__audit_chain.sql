-- The audit log becomes tamper-evident: a hash chain over its rows, kept in tables of its own so
-- that audit rows stay insert-only. H2 (MODE=LEGACY) and PostgreSQL 15.
--
-- Each new audit row is queued in audit_pending in its own transaction; the sealer (a timer, and
-- every verification) takes the chain's head row with a lock, so one server at a time, and appends
-- each queued row to audit_seal: its place (seq), the previous link's hash and the hash of the
-- previous hash with the row's content. Changing a sealed row breaks its link; deleting one leaves a
-- link without its row; deleting a link breaks the next one; dropping links at the end no longer
-- matches the head.

CREATE TABLE audit_pending (
    entry_id BIGINT NOT NULL PRIMARY KEY
);

CREATE TABLE audit_seal (
    seq       BIGINT      NOT NULL PRIMARY KEY,
    entry_id  BIGINT      NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    row_hash  VARCHAR(64) NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_audit_seal_entry UNIQUE (entry_id)
);

CREATE TABLE audit_chain (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE,
    version   BIGINT      NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash, sealed_at, version)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL, 0);

-- the rows written before the chain existed are sealed first, in id order
INSERT INTO audit_pending (entry_id) SELECT id FROM audit_entry;

-- The auditor's search, newest first, at 10,000,000 rows: each filter's index ends with the order
-- (occurred_at, id) in the order's direction, so a page is an index walk that stops after the page
-- (declared descending: H2 walks indexes forwards only; PostgreSQL reads them either way).
DROP INDEX ix_audit_entry_time;
DROP INDEX ix_audit_entry_actor;
DROP INDEX ix_audit_entry_object;
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entry_object ON audit_entry (object_type, object_id, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entry_type ON audit_entry (object_type, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, occurred_at DESC, id DESC);
