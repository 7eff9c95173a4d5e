-- The accounts console pages through 100,000 accounts and 1,000,000 grants by walking an index in
-- the table's order and stopping after the page, instead of sorting every matching row. H2 (and
-- PostgreSQL, for a simple index scan) use an index for ORDER BY only when it starts with exactly
-- the sorted columns, all NOT NULL: hence keys that are never null and indexes that end with the id,
-- the tie-breaker of every order. H2 (MODE=LEGACY) and PostgreSQL 15.

-- accounts by handle (the default order)
DROP INDEX ix_district_account_handle;
CREATE INDEX ix_district_account_handle ON district_account (handle_key, id);

-- accounts by school: the school's name, lower-cased, kept on the account (a unit is never renamed)
ALTER TABLE district_account ADD COLUMN unit_key VARCHAR(200);
UPDATE district_account SET unit_key = (SELECT LOWER(u.name) FROM org_unit u WHERE u.id = district_account.unit_id);
ALTER TABLE district_account ALTER COLUMN unit_key SET NOT NULL;
CREATE INDEX ix_district_account_unit_key ON district_account (unit_key, handle_key, id);

-- grants by last day, open-ended last: a last day that is never null (9999-12-31 when open-ended);
-- "expiring in 30 days" is a range of the same index
ALTER TABLE account_grant ADD COLUMN ends_key DATE;
UPDATE account_grant SET ends_key = COALESCE(ends_on, DATE '9999-12-31');
ALTER TABLE account_grant ALTER COLUMN ends_key SET NOT NULL;
DROP INDEX ix_account_grant_ends;
CREATE INDEX ix_account_grant_ends ON account_grant (status, ends_key, id);
