-- The acknowledgement coverage report reads a tally instead of grouping a campaign's 150,000 obligations on every
-- view: per (campaign, school or department, due date) how many active staff members owe an acknowledgement and
-- how many of them gave it. Keyed by the due date, so that "overdue" (the sum of total - done over the rows due by
-- now) stays exact as the clock moves; a new hire (their own due date) adds rows. unit_key is the staff member's
-- unit id, 0 for staff without one (a key column cannot be null; unit ids start above 0). Moved in the transaction
-- of each change (acknowledgements.control.CoverageTally); rows are never deleted, only set to zero, so a writer
-- that found its row can always update it. No CHECK on the counts: a count gone wrong must not refuse an
-- acknowledgement or a deactivation; the operators' recount (differences, rebuild) shows and mends it. Filled here
-- from the obligations already there. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE ack_coverage_tally (
    campaign_id  BIGINT    NOT NULL REFERENCES ack_campaign (id),
    unit_key     BIGINT    NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    total        BIGINT    NOT NULL,
    done         BIGINT    NOT NULL,
    CONSTRAINT pk_ack_coverage_tally PRIMARY KEY (campaign_id, unit_key, due_at)
);

INSERT INTO ack_coverage_tally (campaign_id, unit_key, due_at, total, done)
SELECT o.campaign_id, COALESCE(s.unit_id, 0), o.due_at, COUNT(*), COUNT(o.acknowledged_at)
FROM ack_obligation o JOIN staff_user s ON s.id = o.staff_id
WHERE s.active = TRUE
GROUP BY o.campaign_id, COALESCE(s.unit_id, 0), o.due_at;
