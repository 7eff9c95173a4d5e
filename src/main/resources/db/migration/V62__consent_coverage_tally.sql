-- Consent coverage kept per school and class (issue 22, item 5): the oversight report reads these rows
-- instead of every enrolled student's forms. A row holds the figures of one day (the day it was counted
-- for): per item, how many of the enrolled students may appear with it. class_id 0 is the school as a whole.
-- The school's row is the lock every change takes: a form recorded, a revocation, a roster change sets
-- stale on it (in the changing transaction), and the consent timer counts the school again (locking the
-- row, so that no change in flight is lost) for the District's day. A stale school, or one with no row
-- for the day asked, is counted from its rows when the report is read: the figures are always exact.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE consent_coverage_tally (
    unit_id       BIGINT  NOT NULL,
    class_id      BIGINT  NOT NULL,
    counted_for   DATE    NOT NULL,
    stale         BOOLEAN NOT NULL,
    enrolled      BIGINT  NOT NULL,
    photo         BIGINT  NOT NULL,
    video         BIGINT  NOT NULL,
    full_name     BIGINT  NOT NULL,
    first_name    BIGINT  NOT NULL,
    student_work  BIGINT  NOT NULL,
    voice         BIGINT  NOT NULL,
    CONSTRAINT pk_consent_coverage_tally PRIMARY KEY (unit_id, class_id)
);
