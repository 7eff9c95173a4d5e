-- Home page counts (issue 22, items 1 and 5): the consent clerk's and the site administrator's counts read only
-- indexes, so their plans no longer depend on how PostgreSQL prices a page read. With Debian's defaults
-- (random_page_cost 4, parallel workers allowed) the clerk's renewals due priced each of a school's 1,200
-- students at two random page reads (the index entry and the form's row) and was run as a parallel plan, whose
-- worker's start cost more than the count (19 to 27 ms at full scale, 1.8 ms without the worker). Read from
-- these indexes alone it is priced at half that, stays a plain nested loop, and reads no table row.
-- H2 (MODE=LEGACY) and PostgreSQL 15; no row changes, so nothing to fill.

-- Renewals due: a school's active students (the count needs only their ids) ...
CREATE INDEX ix_student_school_active ON student (school_id, active, id);
-- ... each without a form in force that consents to something: every column the NOT EXISTS tests. The leading
-- (student_id, period_end) is the index this replaces, which the consent check and the coverage counts read.
DROP INDEX ix_consent_form_student;
CREATE INDEX ix_consent_form_student ON consent_form (student_id, period_end, status, period_start, photo, video,
    full_name, first_name, student_work, voice);

-- The site administrator's reach (the accounts whose rights they hold): the accounts' ids from the holder's
-- index, not a table row per grant.
DROP INDEX ix_account_grant_holder;
CREATE INDEX ix_account_grant_holder ON account_grant (holder_id, status, account_id);

-- Consent requests not answered: COUNT(l.id) from the index, not a row per open link.
DROP INDEX ix_parent_link_unanswered;
CREATE INDEX ix_parent_link_unanswered ON parent_link (request_id, answered_at, expires_at, id);

-- Rights expiring on those accounts: COUNT(DISTINCT g.id) from the index, not a row per grant.
DROP INDEX ix_account_grant_account_ends;
CREATE INDEX ix_account_grant_account_ends ON account_grant (account_id, status, ends_key, id);
