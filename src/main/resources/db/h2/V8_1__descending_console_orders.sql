-- H2 only (SchemaMigration adds this folder on H2). H2 2.2 walks an index forwards only, so the
-- console's descending orders over the whole registry would sort every row; these indexes give
-- them the same walk as the ascending ones (V8). PostgreSQL scans V8's indexes backwards and
-- does without them.
CREATE INDEX ix_district_account_handle_desc ON district_account (handle_key DESC, id DESC);
CREATE INDEX ix_district_account_unit_key_desc ON district_account (unit_key DESC, handle_key DESC, id DESC);
CREATE INDEX ix_account_grant_ends_desc ON account_grant (status DESC, ends_key DESC, id DESC);
