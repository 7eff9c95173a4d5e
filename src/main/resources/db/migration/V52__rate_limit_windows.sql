-- The parent pages' rate limits, shared by every server: one fixed-window counter row per (limit, key, window),
-- counted up by one conditional UPDATE (or created by the window's first request), so n servers together let a
-- client through the limit once, not n times. The key is a SHA-256 (of the token, of the IP address): neither is
-- kept. window_start is epoch milliseconds (no time zone to get wrong); the parent reminder sweep deletes the
-- windows that have ended. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE rate_limit_window (
    bucket        VARCHAR(20)  NOT NULL,
    key_hash      VARCHAR(64)  NOT NULL,
    window_start  BIGINT       NOT NULL,
    hits          INTEGER      NOT NULL,
    CONSTRAINT pk_rate_limit_window PRIMARY KEY (bucket, key_hash, window_start)
);
CREATE INDEX ix_rate_limit_window_start ON rate_limit_window (window_start);
