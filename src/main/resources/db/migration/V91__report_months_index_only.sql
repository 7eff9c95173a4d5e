-- The requests and takedowns reports' months (issue 22, item 5) read from indexes alone. Their rows are written a
-- month at a time for every unit, so the District's rows of one hour's tenths lie each on its own table page: at full
-- scale the requests report's read of its tenths touched 1,416 pages for 1,419 rows (1.8 ms), and its whole hours one
-- page a row too, against a few pages a range when the index holds every column read (0.35 ms; EXPLAIN ANALYZE with
-- bound parameters, docs/performance.md). Each index holds its table's key in the key's order, then the columns read.
-- H2 (MODE=LEGACY) and PostgreSQL 15; no row changes, so nothing to fill.
CREATE INDEX ix_report_response_month_tenth_read ON report_response_month_tenth
    (unit_id, tenths, on_month, reviewer, responses, min_seconds, max_seconds);
CREATE INDEX ix_report_response_month_hour_read ON report_response_month_hour (unit_id, on_month, reviewer, hours, responses);
CREATE INDEX ix_report_takedown_month_read ON report_takedown_month (unit_id, tenths, on_month, tasks, min_seconds, max_seconds);
CREATE INDEX ix_report_takedown_month_hour_read ON report_takedown_month_hour (unit_id, on_month, hours, tasks);
