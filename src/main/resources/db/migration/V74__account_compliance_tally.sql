-- The accounts report's compliance figures kept per school or department (issue 22, item 5): the District report
-- sums these rows instead of two passes over every district_account row. The figures are those of
-- AccountQueries.UnitCompliance: accounts in use (not archived), how many fail any check, and how many fail each.
-- A unit's row is marked stale in the transaction of every change that can alter its figures (an account
-- registered, edited, moved, archived; a check recorded; rights granted or ended; a checklist signed off or falling
-- due; an operator linked, or an operator's authorization revoked or expired): accounts' AccountComplianceTally.
-- Time alone moves two checks (a privacy review grows old, a checklist's overdue moment passes): next_change_at is
-- the earliest such moment among the unit's accounts when it was counted, and the row counts as stale from then on.
-- A stale row, or a unit with none, is counted from its accounts when the report is read: the figures are always
-- exact. The rights timer counts stale units again; the operators' recount checks and rebuilds every row.
-- Starts empty: every unit counts as stale until the timer or the recount has counted it.
-- H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE TABLE account_compliance_tally (
    unit_id         BIGINT                   NOT NULL,
    accounts        BIGINT                   NOT NULL,
    failing         BIGINT                   NOT NULL,
    identification  BIGINT                   NOT NULL,
    privacy         BIGINT                   NOT NULL,
    admins          BIGINT                   NOT NULL,
    operators       BIGINT                   NOT NULL,
    checklists      BIGINT                   NOT NULL,
    counted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_change_at  TIMESTAMP WITH TIME ZONE,
    stale           BOOLEAN                  NOT NULL,
    CONSTRAINT pk_account_compliance_tally PRIMARY KEY (unit_id)
);
