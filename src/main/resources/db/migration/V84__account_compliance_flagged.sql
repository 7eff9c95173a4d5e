-- The accounts report's flagged rights kept per school or department in the compliance tally's rows (issue 22,
-- item 5): flagged is the unit's rights in force (status ACTIVE) that an access review flagged as not confirmed by
-- its deadline (flagged_review_id set), on any of its accounts. A school's report then reads its own row instead of
-- every flagged grant of the District (7,354 at full scale, which PostgreSQL hash-joined with the school's accounts);
-- the District's is the rows' sum. The writers that flag a grant (the review's deadline) and clear the flag (the
-- review's "confirm") mark the row stale as the others do; ending a grant marked it already.
-- Filled from the grants now: no writer runs while the server migrates, and until now neither flagging nor
-- confirming marked a row, so the count of now is the right one for every row that holds.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE account_compliance_tally ADD COLUMN flagged BIGINT DEFAULT 0 NOT NULL;
UPDATE account_compliance_tally SET flagged = (SELECT COUNT(*) FROM account_grant g JOIN district_account a ON a.id = g.account_id
    WHERE a.unit_id = account_compliance_tally.unit_id AND g.status = 'ACTIVE' AND g.flagged_review_id IS NOT NULL);
