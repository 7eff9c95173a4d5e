-- Consent coverage for the District (issue 22, item 5): its answer reads every unit's students and forms ending
-- from its school row of the day, to give the District's totals and where each page of schools starts. The school
-- rows lie scattered among the classes' rows (900 pages at full scale), so the index that finds them now holds those
-- figures too, and PostgreSQL reads them from the index alone (EXPLAIN ANALYZE at full scale: 908 buffers and 7 to
-- 11 ms before, 104 and 1.4 ms after; docs/performance.md). The index keeps its name and its first columns, which
-- the timer's and the stale marks' statements use. H2 (MODE=LEGACY) and PostgreSQL 15.
DROP INDEX ix_consent_coverage_tally_school;
CREATE INDEX ix_consent_coverage_tally_school ON consent_coverage_tally (class_id, counted_for, stale, unit_id, enrolled, forms_ending);
