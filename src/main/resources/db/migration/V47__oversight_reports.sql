-- Oversight reports. The responses of a period are the review cycles ended in it: an index on the end
-- keeps a month's figures an index range, not a scan of every cycle.
CREATE INDEX ix_review_cycle_ended ON sm_review_cycle (ended_at);
-- Takedowns done in a period.
CREATE INDEX ix_takedown_task_done ON takedown_task (status, done_at);

-- One row per month whose Board report was queued for mailing: the primary key is what makes the
-- monthly mail go out exactly once, whichever server's timer gets there first.
CREATE TABLE board_report_delivery (
    report_month VARCHAR(7)   NOT NULL PRIMARY KEY,
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients   VARCHAR(2000) NOT NULL
);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('board-report', 0, 0, 0);
