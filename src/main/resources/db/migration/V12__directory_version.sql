-- The public directory's version: one row, its number raised in the same transaction as every change
-- that changes what the directory shows (an active account created, changed where the directory
-- shows it, or made active or not). The directory's ETag and each server's copy of its JSON are keyed
-- on it, so revalidating costs one primary-key read instead of an aggregate over 100,000 accounts,
-- and every server sharing the database sees the same version. changed_at goes into the ETag too:
-- a database restored or created anew starts counting again, and an old ETag must not match it.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE directory_version (
    id         INTEGER NOT NULL PRIMARY KEY,
    version    BIGINT  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO directory_version (id, version, changed_at) VALUES (1, 1, CURRENT_TIMESTAMP);
