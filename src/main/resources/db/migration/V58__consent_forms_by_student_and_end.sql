-- The check before posting reads a class's forms still in force on the post's day (student_id IN (...) AND
-- period_end >= day) and the ended ones only for a student none of those answers for (ConsentCheckService).
-- With period_end in the index the database picks those entries without reading the rows of the ended forms,
-- which lie elsewhere in the table: a student's years of old forms no longer cost a page read each.
-- The renewal count's NOT EXISTS (student, period_end > soon) is served by the same index. signed_on was
-- only ever used to order one student's few forms, which needs no index.
DROP INDEX ix_consent_form_student;
CREATE INDEX ix_consent_form_student ON consent_form (student_id, period_end);
