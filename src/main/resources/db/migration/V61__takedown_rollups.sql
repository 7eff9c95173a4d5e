-- The takedowns report's daily roll-ups (issue 22): per District day a task was done and school (0: the whole
-- District), how many tasks took each tenth of an hour from the task to its completion (rounded as the report
-- rounds), with the shortest and longest in seconds for the exact median. The days done are rows of
-- report_rollup_day (V60) named takedown-times. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE report_takedown_day (
    on_day       DATE     NOT NULL,
    unit_id      BIGINT   NOT NULL,
    tenths       INTEGER  NOT NULL,
    tasks        BIGINT   NOT NULL,
    min_seconds  BIGINT   NOT NULL,
    max_seconds  BIGINT   NOT NULL,
    CONSTRAINT pk_report_takedown_day PRIMARY KEY (unit_id, on_day, tenths)
);
