-- The reviewer's queue pages through every undecided request (about 115,000 in the largest district)
-- soonest deadline first. "status IN (three values) ORDER BY deadline" cannot walk one index in order
-- on either database, so each page sorted every queued request. queue_key is the request's place in
-- the queue, never null (see V8: H2 walks an index for ORDER BY only over non-null leading keys): the
-- running deadline, then 9999-12-30 for requests waiting for the employee, 9999-12-31 for requests
-- outside the queue. The entity keeps it (SocialMediaRequest.moveTo). H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE sm_request ADD COLUMN queue_key TIMESTAMP WITH TIME ZONE;
UPDATE sm_request SET queue_key = CASE
    WHEN status IN ('SUBMITTED', 'OVERDUE') THEN deadline
    WHEN status = 'INFO_REQUESTED' THEN TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'
    ELSE TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' END;
ALTER TABLE sm_request ALTER COLUMN queue_key SET NOT NULL;
CREATE INDEX ix_sm_request_queue ON sm_request (queue_key, id);
