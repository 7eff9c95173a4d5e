-- The accounts report's District answer without a pass over the units' rows (issue 22, item 5). Its list per school
-- is read a page at a time (AccountReports, first and size); what is left of its first statement is kept here.
-- units: how many unit rows the tally has, so that a unit without a row (new since the rights timer's last pass) is
-- looked for only when org_unit has more units; units_in_use: how many of those rows count accounts in use, the list's
-- length. Both are moved with the rest of the District's row (accounts' DistrictCompliance), in the count's
-- transaction, and checked and rebuilt by the operators' recount.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE account_compliance_district ADD COLUMN units BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account_compliance_district ADD COLUMN units_in_use BIGINT DEFAULT 0 NOT NULL;
UPDATE account_compliance_district SET units = (SELECT COUNT(*) FROM account_compliance_tally),
    units_in_use = (SELECT COUNT(*) FROM account_compliance_tally WHERE accounts > 0) WHERE id = 1;

-- The rows that do not hold, each a range of its own (they are few while the rights timer keeps up): stale, counted
-- later than now (the clock set back), their next change come, their days not covering the window from today. A
-- count writes expiring_from and expiring_days together; rows counted before V80 have neither.
CREATE INDEX ix_account_compliance_stale ON account_compliance_tally (stale);
CREATE INDEX ix_account_compliance_counted ON account_compliance_tally (counted_at);
CREATE INDEX ix_account_compliance_next ON account_compliance_tally (next_change_at);
CREATE INDEX ix_account_compliance_from ON account_compliance_tally (expiring_from);
