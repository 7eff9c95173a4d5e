-- Requests for District-related social media use and the Superintendent's written responses:
-- the platform list, the library of standard explanations, requests with their lines and review
-- cycles, and the authorizations that decisions grant. Valid on H2 (MODE=LEGACY) and PostgreSQL 15.
--
-- Sequences: EclipseLink (allocationSize 50) reads a sequence value as the END of a block of 50 and
-- hands out (value - 49) .. value. Tables without seed rows start at 50 as in V1 (first block 1..50).
-- platform and standard_reason have seed rows with explicit ids 1..10 and 1..5, so their sequences
-- START WITH 100: the first block is 51..100 and never clashes with a seeded id.

-- ---------------------------------------------------------------- platforms (kept by a system administrator)
CREATE SEQUENCE platform_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE platform (
    id                  BIGINT      NOT NULL PRIMARY KEY,
    name                VARCHAR(60) NOT NULL,
    other_name_required BOOLEAN     NOT NULL,
    active              BOOLEAN     NOT NULL,
    sort_order          INTEGER     NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT uq_platform_name UNIQUE (name)
);
CREATE INDEX ix_platform_order ON platform (active, sort_order);

-- Sort orders leave gaps so an administrator can slot a platform in between without renumbering.
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (1, 'Facebook', FALSE, TRUE, 10, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (2, 'Instagram', FALSE, TRUE, 20, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (3, 'X', FALSE, TRUE, 30, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (4, 'YouTube', FALSE, TRUE, 40, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (5, 'TikTok', FALSE, TRUE, 50, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (6, 'LinkedIn', FALSE, TRUE, 60, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (7, 'Blog', FALSE, TRUE, 70, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (8, 'Podcast', FALSE, TRUE, 80, 0);
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (9, 'Text or instant messaging', FALSE, TRUE, 90, 0);
-- "Other" stays last and makes each line name the real platform.
INSERT INTO platform (id, name, other_name_required, active, sort_order, version) VALUES (10, 'Other', TRUE, TRUE, 1000, 0);

-- ---------------------------------------------------------------- standard explanations for reviewers
CREATE SEQUENCE standard_reason_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE standard_reason (
    id          BIGINT        NOT NULL PRIMARY KEY,
    title       VARCHAR(100)  NOT NULL,
    reason_text VARCHAR(1000) NOT NULL,
    active      BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT uq_standard_reason_title UNIQUE (title)
);

INSERT INTO standard_reason (id, title, reason_text, active, version) VALUES (1,
    'Student photographs need parental consent',
    'Student photographs and other personally identifiable student information may be posted only with a written authorization from the students'' parents. Post them only for students whose parents have signed the District''s consent form.',
    TRUE, 0);
INSERT INTO standard_reason (id, title, reason_text, active, version) VALUES (2,
    'Use the school''s existing official account',
    'Your school already has an official District account on this platform. Please share your content through that account, in coordination with its administrator, instead of opening a separate one.',
    TRUE, 0);
INSERT INTO standard_reason (id, title, reason_text, active, version) VALUES (3,
    'Personal email address on a District site',
    'Employees shall maintain separate District-related and personal email accounts, and personal email addresses should not be used on District-related sites. Register the account with your District email address.',
    TRUE, 0);
INSERT INTO standard_reason (id, title, reason_text, active, version) VALUES (4,
    'Objectives not job-related',
    'The objectives described are not related to your work in the District. District-related social media must have a reasonable relationship to the goals, purposes and functions of the District, the department or the employee creating the site.',
    TRUE, 0);
INSERT INTO standard_reason (id, title, reason_text, active, version) VALUES (5,
    'Communication with students must be an extension of the classroom',
    'Communication with students on District-related social media should be an extension of the classroom, addressing reasonable instructional, educational or extra-curricular program matters, and be comparable to communication in the classroom.',
    TRUE, 0);

-- ---------------------------------------------------------------- requests
CREATE SEQUENCE sm_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sm_request (
    id                          BIGINT        NOT NULL PRIMARY KEY,
    requester_id                BIGINT        NOT NULL,
    status                      VARCHAR(20)   NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at                TIMESTAMP WITH TIME ZONE,
    deadline                    TIMESTAMP WITH TIME ZONE,
    review_cycle                INTEGER       NOT NULL,
    acknowledged_policy_version VARCHAR(60),
    acknowledged_at             TIMESTAMP WITH TIME ZONE,
    outcome                     VARCHAR(40),
    decided_by_username         VARCHAR(64),
    decided_by_name             VARCHAR(200),
    decided_by_role             VARCHAR(100),
    decided_at                  TIMESTAMP WITH TIME ZONE,
    decision_note               VARCHAR(4000),
    withdrawn_at                TIMESTAMP WITH TIME ZONE,
    overdue_at                  TIMESTAMP WITH TIME ZONE,
    version                     BIGINT        NOT NULL,
    CONSTRAINT fk_sm_request_requester FOREIGN KEY (requester_id) REFERENCES staff_user (id)
);
-- The reviewer's queue (status IN (SUBMITTED, OVERDUE) ORDER BY deadline) and the escalation sweep
-- (status = SUBMITTED AND deadline <= now).
CREATE INDEX ix_sm_request_status_deadline ON sm_request (status, deadline);
-- "My requests", newest first; also serves the foreign key.
CREATE INDEX ix_sm_request_requester ON sm_request (requester_id, created_at);

CREATE SEQUENCE sm_request_line_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sm_request_line (
    id                         BIGINT        NOT NULL PRIMARY KEY,
    request_id                 BIGINT        NOT NULL,
    position                   INTEGER       NOT NULL,
    platform_id                BIGINT        NOT NULL,
    other_platform_name        VARCHAR(60),
    objectives                 VARCHAR(4000),
    communicates_with_students BOOLEAN       NOT NULL,
    -- the District account registry is another feature: no foreign key yet
    existing_account_id        BIGINT,
    new_account_name           VARCHAR(200),
    district_email             VARCHAR(254),
    outcome                    VARCHAR(10),
    limits                     VARCHAR(2000),
    explanation                VARCHAR(2000),
    CONSTRAINT fk_sm_request_line_request FOREIGN KEY (request_id) REFERENCES sm_request (id),
    CONSTRAINT fk_sm_request_line_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
-- Not unique on purpose: EclipseLink writes inserts before deletes, so removing a line and adding
-- another at the same position in one transaction would trip a unique constraint. The entity keeps
-- positions unique.
CREATE INDEX ix_sm_request_line_request ON sm_request_line (request_id, position);
CREATE INDEX ix_sm_request_line_platform ON sm_request_line (platform_id);

CREATE TABLE sm_request_line_audience (
    line_id  BIGINT      NOT NULL,
    audience VARCHAR(20) NOT NULL,
    PRIMARY KEY (line_id, audience),
    CONSTRAINT fk_sm_request_line_audience_line FOREIGN KEY (line_id) REFERENCES sm_request_line (id)
);

-- ---------------------------------------------------------------- review cycles (one per run of the clock)
CREATE SEQUENCE sm_review_cycle_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sm_review_cycle (
    id          BIGINT        NOT NULL PRIMARY KEY,
    request_id  BIGINT        NOT NULL,
    number      INTEGER       NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    end_reason  VARCHAR(20),
    overdue_at  TIMESTAMP WITH TIME ZONE,
    question    VARCHAR(4000),
    asked_by    VARCHAR(64),
    answer      VARCHAR(4000),
    answered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_sm_review_cycle_request FOREIGN KEY (request_id) REFERENCES sm_request (id),
    -- its index is the (request_id, number) index: a second one would only cost writes
    CONSTRAINT uq_review_cycle UNIQUE (request_id, number)
);

-- ---------------------------------------------------------------- authorizations granted by decisions
CREATE SEQUENCE sm_authorization_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sm_authorization (
    id                BIGINT        NOT NULL PRIMARY KEY,
    employee_id       BIGINT        NOT NULL,
    request_id        BIGINT        NOT NULL,
    line_id           BIGINT        NOT NULL,
    platform_label    VARCHAR(60)   NOT NULL,
    account_label     VARCHAR(200)  NOT NULL,
    outcome           VARCHAR(10)   NOT NULL,
    limits            VARCHAR(2000),
    granted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by        VARCHAR(64)   NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revoked_by        VARCHAR(64),
    revocation_reason VARCHAR(2000),
    version           BIGINT        NOT NULL,
    CONSTRAINT fk_sm_authorization_employee FOREIGN KEY (employee_id) REFERENCES staff_user (id),
    CONSTRAINT fk_sm_authorization_request FOREIGN KEY (request_id) REFERENCES sm_request (id),
    CONSTRAINT fk_sm_authorization_line FOREIGN KEY (line_id) REFERENCES sm_request_line (id),
    CONSTRAINT uq_sm_authorization_line UNIQUE (line_id)
);
-- What an employee may do now (employee, ACTIVE).
CREATE INDEX ix_sm_authorization_employee ON sm_authorization (employee_id, status);
CREATE INDEX ix_sm_authorization_request ON sm_authorization (request_id);
