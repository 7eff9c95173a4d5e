-- The accounts report's two other figures kept in the same per-unit rows as its compliance figures (issue 22,
-- item 5), so that the District report no longer passes over every account in use (accounts by number of
-- administrators) nor over a range of the District's grants (rights expiring within 30 days):
-- admins_none/one/two/more: the unit's accounts in use with 0, 1, 2, 3 or more active District administrators;
-- expiring_from: the District day the row was counted on; expiring_days: the unit's rights in force (status
-- ACTIVE) by last day, one count a day from expiring_from for 62 days, comma-separated (accounts'
-- UnitRights), so that the 30 days ahead are a sum of the row's own counts on each of the 31 days after it
-- was counted; the row's next_change_at is at the latest the start of the day after those 31.
-- The same writers mark the row stale (an administrator's rights granted or ended move both figures).
-- The rows counted before this migration have no days: marked stale, counted again by the rights timer; until
-- then the report counts their units from the accounts, as for any row that does not hold.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE account_compliance_tally ADD COLUMN admins_none BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account_compliance_tally ADD COLUMN admins_one BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account_compliance_tally ADD COLUMN admins_two BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account_compliance_tally ADD COLUMN admins_more BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account_compliance_tally ADD COLUMN expiring_from DATE;
ALTER TABLE account_compliance_tally ADD COLUMN expiring_days VARCHAR(1000);
UPDATE account_compliance_tally SET stale = TRUE;
