-- Roster import at district scale, a first step (issue 19, item 5): the preview and the write's plan read the
-- run's files a record at a time and say how far they are, so that the page shows a figure within seconds of
-- the upload, not after minutes of reading. reading_file is the file being read (NULL when none is), rows_read_now
-- the data rows read so far in all files; written by the job's own statements (students/control/ImportRunClaims).
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE import_run ADD COLUMN reading_file VARCHAR(100);
ALTER TABLE import_run ADD COLUMN rows_read_now INTEGER DEFAULT 0 NOT NULL;
