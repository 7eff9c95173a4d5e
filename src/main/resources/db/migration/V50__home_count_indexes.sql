-- Home page counts (issue 22, item 1): each count is one range on an index.
-- An employee's authorizations ending within 30 days: the employee's active rows, by last day.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_sm_authorization_ending ON sm_authorization (employee_id, status, ends_on);
-- A school's consent requests not answered: per request, the links still unanswered, by when they end.
CREATE INDEX ix_parent_link_unanswered ON parent_link (request_id, answered_at, expires_at);
