-- Home page counts at district scale (issue 22, item 5).
-- The reviewer's queue counts: each filter is one status and a range of queue_key, so (status, queue_key)
-- holds every count's rows side by side and no row is read to check its status (ix_sm_request_queue,
-- (queue_key, id), keeps the queue's order).
-- The site administrator's "rights expiring": from the accounts they hold rights on, each account's active
-- grants by last day, instead of every active grant of the District ending within 30 days.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_sm_request_status_queue ON sm_request (status, queue_key);
CREATE INDEX ix_account_grant_account_ends ON account_grant (account_id, status, ends_key);
