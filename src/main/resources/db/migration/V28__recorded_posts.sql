-- Posts about students, recorded before they are published (component posts); the consent check runs as
-- part of recording, and a revocation takes down every recorded post that showed what it withdrew.

-- A check run while recording a post: the post, not the check, is what a revocation takes down.
ALTER TABLE consent_check ADD COLUMN for_post BOOLEAN DEFAULT FALSE NOT NULL;

-- A takedown task is now about one recorded post (post_ref = its id) or, as before, about the account's
-- posts that consent checks cleared (post_ref = 0; 0 and not null, so that the unique key still allows
-- only one such task per revocation and account). The new key is added before the old one goes, so
-- the foreign key on revocation_id is served by an index at every step.
ALTER TABLE takedown_task ADD COLUMN post_ref BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE takedown_task ADD CONSTRAINT uq_takedown_task_post UNIQUE (revocation_id, account_id, post_ref);
ALTER TABLE takedown_task DROP CONSTRAINT uq_takedown_task;

CREATE SEQUENCE recorded_post_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE recorded_post (
    id           BIGINT        NOT NULL PRIMARY KEY,
    account_id   BIGINT        NOT NULL,
    platform_id  BIGINT        NOT NULL,
    planned_on   DATE          NOT NULL,
    photo        BOOLEAN       NOT NULL,
    video        BOOLEAN       NOT NULL,
    full_name    BOOLEAN       NOT NULL,
    first_name   BOOLEAN       NOT NULL,
    student_work BOOLEAN       NOT NULL,
    voice        BOOLEAN       NOT NULL,
    check_id     BIGINT        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    url          VARCHAR(2000),
    url_added_at TIMESTAMP WITH TIME ZONE,
    url_added_by VARCHAR(64),
    version      BIGINT        NOT NULL,
    CONSTRAINT fk_recorded_post_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    CONSTRAINT fk_recorded_post_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_recorded_post_check FOREIGN KEY (check_id) REFERENCES consent_check (id)
);
-- GET /api/posts?accountId=&from=&to= and the page's list
CREATE INDEX ix_recorded_post_account ON recorded_post (account_id, planned_on);
CREATE INDEX ix_recorded_post_planned ON recorded_post (planned_on);
CREATE INDEX ix_recorded_post_platform ON recorded_post (platform_id);
CREATE INDEX ix_recorded_post_check ON recorded_post (check_id);

CREATE TABLE recorded_post_student (
    post_id    BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    CONSTRAINT pk_recorded_post_student PRIMARY KEY (post_id, student_id),
    CONSTRAINT fk_recorded_post_student_post FOREIGN KEY (post_id) REFERENCES recorded_post (id),
    CONSTRAINT fk_recorded_post_student_student FOREIGN KEY (student_id) REFERENCES student (id)
);
-- a revocation asks which recorded posts show the student
CREATE INDEX ix_recorded_post_student_student ON recorded_post_student (student_id);

-- Exactly one takedown per recorded post and student, whatever revocations follow (a second revocation
-- of the same student finds the post already taken down); a retried revocation cannot make two.
CREATE TABLE recorded_post_takedown (
    post_id    BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    task_id    BIGINT NOT NULL,
    CONSTRAINT pk_recorded_post_takedown PRIMARY KEY (post_id, student_id),
    CONSTRAINT fk_recorded_post_takedown_post FOREIGN KEY (post_id) REFERENCES recorded_post (id),
    CONSTRAINT fk_recorded_post_takedown_student FOREIGN KEY (student_id) REFERENCES student (id),
    CONSTRAINT fk_recorded_post_takedown_task FOREIGN KEY (task_id) REFERENCES takedown_task (id)
);
CREATE INDEX ix_recorded_post_takedown_student ON recorded_post_takedown (student_id);
CREATE INDEX ix_recorded_post_takedown_task ON recorded_post_takedown (task_id);
