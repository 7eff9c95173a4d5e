-- H2 only, as V8_1: H2 2.2 walks an index forwards only, so "by holder, descending" over the whole
-- registry needs its own index to stop after the page. PostgreSQL scans V14's index backwards.
CREATE INDEX IF NOT EXISTS ix_account_grant_holder_key_desc ON account_grant (status DESC, holder_key DESC, id DESC);
