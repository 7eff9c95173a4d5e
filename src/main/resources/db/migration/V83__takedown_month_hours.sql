-- The takedowns report's whole hours per month (issue 22, item 5): how many tasks per month and unit (0: the District)
-- took each whole hour (the tenths divided by ten, as SQL divides integers), so that a year's report reads at most
-- twelve months of about a hundred hours and then only the tenths of the hours its median's and 90th percentile's
-- ranks fall in, as the requests report does (V70). The month rows of V81 have a row per distinct tenth of a month:
-- about 11,500 a year at full scale, where a report read them all. Kept in the same transaction as the tenths of the
-- month (TakedownMonths.refresh). The tenths are keyed by unit and tenth first from now on, so that one hour's tenths
-- of every month are one index range. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE report_takedown_month_hour (
    on_month     DATE     NOT NULL,
    unit_id      BIGINT   NOT NULL,
    hours        INTEGER  NOT NULL,
    tasks        BIGINT   NOT NULL,
    CONSTRAINT pk_report_takedown_month_hour PRIMARY KEY (unit_id, on_month, hours)
);
CREATE INDEX ix_report_takedown_month_hour_on_month ON report_takedown_month_hour (on_month);

ALTER TABLE report_takedown_month DROP CONSTRAINT pk_report_takedown_month;
ALTER TABLE report_takedown_month ADD CONSTRAINT pk_report_takedown_month PRIMARY KEY (unit_id, tenths, on_month);

-- the hours of the days rolled up before this migration, from the day rows (as V81 made the months' tenths)
INSERT INTO report_takedown_month_hour (on_month, unit_id, hours, tasks)
SELECT CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, tenths / 10, SUM(tasks)
FROM report_takedown_day
GROUP BY CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, tenths / 10;
