-- The reviewer's home counts (issue 22, item 5): how many requests wait for the employee (INFO_REQUESTED) and how many
-- the escalation timer has marked overdue (OVERDUE), kept by the code in the transaction of every change of a request's
-- status (requests' RequestStatusTally, a Tally the operators' recount checks and rebuilds). The home page reads these
-- rows instead of stepping over up to 10,000 entries of the queue's index; the review queue's lists are unchanged.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE request_status_tally (
    status    VARCHAR(20) NOT NULL,
    requests  BIGINT      NOT NULL,
    CONSTRAINT pk_request_status_tally PRIMARY KEY (status)
);
INSERT INTO request_status_tally (status, requests) SELECT 'INFO_REQUESTED', COUNT(*) FROM sm_request WHERE status = 'INFO_REQUESTED';
INSERT INTO request_status_tally (status, requests) SELECT 'OVERDUE', COUNT(*) FROM sm_request WHERE status = 'OVERDUE';
