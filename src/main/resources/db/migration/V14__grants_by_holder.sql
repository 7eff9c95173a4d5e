-- The grants table "by holder" over the whole registry: ordered by the holder's name through a join,
-- H2 read every grant in force (900,000 at district scale), joined each to its holder and sorted
-- them all, 25 s per page. The holder's name, lower-cased, is kept on the grant (the entity sets it;
-- a rename updates it in the same transaction, accounts/control/HolderKeys), so the order walks an
-- index like "by last day" (V8) and stops after the page. H2 (MODE=LEGACY) and PostgreSQL 15.
--
-- Written to run again after a failure: H2 commits each DDL statement on its own, so a migration
-- stopped half-way leaves the column behind while Flyway still records V13. At district scale
-- (1,000,000 grants) the UPDATE took 90 s on PostgreSQL and about half an hour on H2, whose file grew
-- by some 30 GB until compacted (docs/performance.md).
ALTER TABLE account_grant ADD COLUMN IF NOT EXISTS holder_key VARCHAR(200);
UPDATE account_grant SET holder_key = (SELECT LOWER(u.full_name) FROM staff_user u WHERE u.id = account_grant.holder_id)
    WHERE holder_key IS NULL;
ALTER TABLE account_grant ALTER COLUMN holder_key SET NOT NULL;
CREATE INDEX IF NOT EXISTS ix_account_grant_holder_key ON account_grant (status, holder_key, id);
