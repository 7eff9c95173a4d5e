-- The requests report's open requests by age band (issue 22, item 5): the District's open total from the status
-- tally (V71), which now counts SUBMITTED too, and the young bands from the requests submitted in the last 15 days,
-- a short range of this index per open status, instead of every open request's row. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_sm_request_status_submitted ON sm_request (status, submitted_at);
INSERT INTO request_status_tally (status, requests) SELECT 'SUBMITTED', COUNT(*) FROM sm_request WHERE status = 'SUBMITTED';
