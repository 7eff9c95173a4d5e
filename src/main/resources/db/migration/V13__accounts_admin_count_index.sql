-- The compliance view links to the accounts console filtered on "fewer than two administrators"
-- (active_admins < 2 and not archived): about 4% of 100,000 accounts at district scale. Without an
-- index the count of that filter read every account on each page view. The index holds the status
-- too, so the count reads the index alone, not the accounts scattered through the table.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_district_account_admins ON district_account (active_admins, status, id);
