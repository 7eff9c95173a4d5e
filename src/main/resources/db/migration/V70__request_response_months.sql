-- The requests report's months (issue 22, item 5): the day rows of V60 summed per month, so that a report of twelve
-- months reads a few hundred rows per month instead of about one row per response. Kept in the same transaction as
-- each day's roll-up (the month of the day summed again from its day rows), so a month's rows always hold exactly its
-- rolled-up days. Three grains, because a tenth of an hour per month, reviewer, kind and on time or late is still
-- about one row per response at full scale:
--   report_response_month        how many responses per month, unit (0: the District), reviewer, kind, on time or late;
--   report_response_month_hour   how many took each whole hour (the tenths divided by ten), per month, unit and reviewer:
--                                finds the hour a median's or 90th percentile's rank falls in;
--   report_response_month_tenth  the tenths with their shortest and longest, per month, unit and reviewer, keyed by
--                                unit and tenth first, so that one hour's tenths of every month are one index range.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_report_response_day_on_day ON report_response_day (on_day);

CREATE TABLE report_response_month (
    on_month     DATE         NOT NULL,
    unit_id      BIGINT       NOT NULL,
    reviewer     VARCHAR(100) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    on_time      BOOLEAN      NOT NULL,
    responses    BIGINT       NOT NULL,
    CONSTRAINT pk_report_response_month PRIMARY KEY (unit_id, on_month, reviewer, kind, on_time)
);
CREATE INDEX ix_report_response_month_on_month ON report_response_month (on_month);

CREATE TABLE report_response_month_hour (
    on_month     DATE         NOT NULL,
    unit_id      BIGINT       NOT NULL,
    reviewer     VARCHAR(100) NOT NULL,
    hours        INTEGER      NOT NULL,
    responses    BIGINT       NOT NULL,
    CONSTRAINT pk_report_response_month_hour PRIMARY KEY (unit_id, on_month, reviewer, hours)
);
CREATE INDEX ix_report_response_month_hour_on_month ON report_response_month_hour (on_month);

CREATE TABLE report_response_month_tenth (
    on_month     DATE         NOT NULL,
    unit_id      BIGINT       NOT NULL,
    reviewer     VARCHAR(100) NOT NULL,
    tenths       INTEGER      NOT NULL,
    responses    BIGINT       NOT NULL,
    min_seconds  BIGINT       NOT NULL,
    max_seconds  BIGINT       NOT NULL,
    CONSTRAINT pk_report_response_month_tenth PRIMARY KEY (unit_id, tenths, on_month, reviewer)
);
CREATE INDEX ix_report_response_month_tenth_on_month ON report_response_month_tenth (on_month);

-- the months of the days rolled up before this migration
INSERT INTO report_response_month (on_month, unit_id, reviewer, kind, on_time, responses)
SELECT CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, reviewer, kind, on_time, SUM(responses)
FROM report_response_day
GROUP BY CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, reviewer, kind, on_time;

INSERT INTO report_response_month_tenth (on_month, unit_id, reviewer, tenths, responses, min_seconds, max_seconds)
SELECT CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, reviewer, tenths, SUM(responses),
       MIN(min_seconds), MAX(max_seconds)
FROM report_response_day
GROUP BY CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, reviewer, tenths;

INSERT INTO report_response_month_hour (on_month, unit_id, reviewer, hours, responses)
SELECT on_month, unit_id, reviewer, tenths / 10, SUM(responses)
FROM report_response_month_tenth
GROUP BY on_month, unit_id, reviewer, tenths / 10;
