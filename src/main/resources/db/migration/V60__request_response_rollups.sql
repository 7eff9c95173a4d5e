-- The requests report's daily roll-ups (issue 22): per District day, school or department (0: the whole District),
-- reviewer, kind of response and on time or late, how many written responses took each tenth of an hour (rounded
-- as the report rounds), with the shortest and longest in seconds, which is what the exact median needs when its
-- two middle responses fall in two tenths. A day is rolled up once it is over (report_rollup_day holds the days
-- done, one row per roll-up and day: the key that makes the timer's work idempotent); the report reads the
-- rolled-up days here and the others (today) live from the review cycles. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE report_rollup_day (
    rollup_name VARCHAR(40) NOT NULL,
    on_day   DATE        NOT NULL,
    made_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_report_rollup_day PRIMARY KEY (rollup_name, on_day)
);

CREATE TABLE report_response_day (
    on_day       DATE         NOT NULL,
    unit_id      BIGINT       NOT NULL,
    reviewer     VARCHAR(100) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    on_time      BOOLEAN      NOT NULL,
    tenths       INTEGER      NOT NULL,
    responses    BIGINT       NOT NULL,
    min_seconds  BIGINT       NOT NULL,
    max_seconds  BIGINT       NOT NULL,
    CONSTRAINT pk_report_response_day PRIMARY KEY (unit_id, on_day, reviewer, kind, on_time, tenths)
);
