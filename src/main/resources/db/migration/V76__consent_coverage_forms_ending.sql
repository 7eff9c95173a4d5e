-- Consent coverage for the District (issue 22, item 5): a row per school read from the school rows of the tally
-- (class_id 0) by this index, instead of every class's row; and each school row keeps its students' forms in force
-- whose period ends within 30 days of the day it was counted for, so the District's "forms ending within 30 days" is
-- the sum of its schools' rows instead of a range of the expiry index that grows with the District's forms.
-- The rows counted before this column existed are made stale: the consent timer counts them again, and until then
-- the report counts those schools from their rows. H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE consent_coverage_tally ADD COLUMN forms_ending BIGINT DEFAULT 0 NOT NULL;
UPDATE consent_coverage_tally SET stale = TRUE WHERE class_id = 0;
CREATE INDEX ix_consent_coverage_tally_school ON consent_coverage_tally (class_id, counted_for, stale);
