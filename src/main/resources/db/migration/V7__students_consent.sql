-- Students and their parents/guardians from the SIS (OneRoster 1.1) or entered by hand, classes and
-- enrollments for class-wide checks, and parents' written authorizations (policy, Student
-- Communication 7): consent forms, revocations, scans, the FERPA record of every check, and
-- takedown tasks. Valid on H2 (MODE=LEGACY) and PostgreSQL 15. district_account comes from V6.
-- Sequences start at their increment: EclipseLink reads a value as the END of a block of 50.

-- ---------------------------------------------------------------- roster
CREATE SEQUENCE student_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE student (
    id             BIGINT       NOT NULL PRIMARY KEY,
    sourced_id     VARCHAR(255),
    district_id    VARCHAR(40)  NOT NULL,
    given_name     VARCHAR(100) NOT NULL,
    family_name    VARCHAR(100) NOT NULL,
    school_id      BIGINT       NOT NULL,
    grade          VARCHAR(10),
    active         BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    -- NULL for students entered by hand: several NULLs are allowed by both databases
    CONSTRAINT uq_student_sourced_id UNIQUE (sourced_id),
    CONSTRAINT uq_student_district_id UNIQUE (district_id),
    CONSTRAINT fk_student_school FOREIGN KEY (school_id) REFERENCES org_unit (id)
);
-- A school's students by name (pages, manual entry); also serves the foreign key.
CREATE INDEX ix_student_school_name ON student (school_id, family_name, given_name);
CREATE INDEX ix_student_name ON student (family_name, given_name);

CREATE SEQUENCE guardian_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE guardian (
    id             BIGINT       NOT NULL PRIMARY KEY,
    sourced_id     VARCHAR(255),
    given_name     VARCHAR(100) NOT NULL,
    family_name    VARCHAR(100) NOT NULL,
    email          VARCHAR(254),
    phone          VARCHAR(40),
    relationship   VARCHAR(10)  NOT NULL,
    active         BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_guardian_sourced_id UNIQUE (sourced_id)
);
CREATE INDEX ix_guardian_email ON guardian (email);
CREATE INDEX ix_guardian_name ON guardian (family_name, given_name);

CREATE TABLE student_guardian (
    student_id  BIGINT NOT NULL,
    guardian_id BIGINT NOT NULL,
    CONSTRAINT pk_student_guardian PRIMARY KEY (student_id, guardian_id),
    CONSTRAINT fk_student_guardian_student FOREIGN KEY (student_id) REFERENCES student (id),
    CONSTRAINT fk_student_guardian_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id)
);
CREATE INDEX ix_student_guardian_guardian ON student_guardian (guardian_id);

CREATE SEQUENCE school_class_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE school_class (
    id             BIGINT       NOT NULL PRIMARY KEY,
    sourced_id     VARCHAR(255),
    title          VARCHAR(200) NOT NULL,
    class_code     VARCHAR(60),
    school_id      BIGINT       NOT NULL,
    active         BOOLEAN      NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_school_class_sourced_id UNIQUE (sourced_id),
    CONSTRAINT fk_school_class_school FOREIGN KEY (school_id) REFERENCES org_unit (id)
);
-- A school's active classes by title; also serves the foreign key.
CREATE INDEX ix_school_class_school ON school_class (school_id, active, title);

CREATE SEQUENCE enrollment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE enrollment (
    id             BIGINT       NOT NULL PRIMARY KEY,
    sourced_id     VARCHAR(255),
    class_id       BIGINT       NOT NULL,
    student_id     BIGINT       NOT NULL,
    begin_date     DATE,
    end_date       DATE,
    active         BOOLEAN      NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_enrollment_sourced_id UNIQUE (sourced_id),
    CONSTRAINT fk_enrollment_class FOREIGN KEY (class_id) REFERENCES school_class (id),
    CONSTRAINT fk_enrollment_student FOREIGN KEY (student_id) REFERENCES student (id)
);
-- The class roster of a consent check (class, active); also serves the foreign key.
CREATE INDEX ix_enrollment_class ON enrollment (class_id, active);
CREATE INDEX ix_enrollment_student ON enrollment (student_id);

-- ---------------------------------------------------------------- consent forms
CREATE SEQUENCE consent_form_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consent_form (
    id           BIGINT        NOT NULL PRIMARY KEY,
    student_id   BIGINT        NOT NULL,
    guardian_id  BIGINT        NOT NULL,
    signed_on    DATE          NOT NULL,
    form_version VARCHAR(40)   NOT NULL,
    received_by  VARCHAR(20)   NOT NULL,
    photo        BOOLEAN       NOT NULL,
    video        BOOLEAN       NOT NULL,
    full_name    BOOLEAN       NOT NULL,
    first_name   BOOLEAN       NOT NULL,
    student_work BOOLEAN       NOT NULL,
    voice        BOOLEAN       NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    period_start DATE          NOT NULL,
    period_end   DATE          NOT NULL,
    notes        VARCHAR(2000),
    status       VARCHAR(10)   NOT NULL,
    expired_at   TIMESTAMP WITH TIME ZONE,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT fk_consent_form_student FOREIGN KEY (student_id) REFERENCES student (id),
    CONSTRAINT fk_consent_form_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id)
);
-- The consent check: WHERE student_id IN (35 ids) finds a handful of forms per student through this
-- index whatever the table's size (5,000,000 forms: a few index probes each, well under 50 ms).
CREATE INDEX ix_consent_form_student ON consent_form (student_id, signed_on);
CREATE INDEX ix_consent_form_guardian ON consent_form (guardian_id);
-- The expiry timer: status = 'ACTIVE' AND period_end < today.
CREATE INDEX ix_consent_form_expiry ON consent_form (status, period_end);

-- The batch fetch reads these by form_id IN (...): the primary keys lead with form_id.
CREATE TABLE consent_form_account (
    form_id    BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT pk_consent_form_account PRIMARY KEY (form_id, account_id),
    CONSTRAINT fk_consent_form_account_form FOREIGN KEY (form_id) REFERENCES consent_form (id),
    CONSTRAINT fk_consent_form_account_account FOREIGN KEY (account_id) REFERENCES district_account (id)
);
CREATE INDEX ix_consent_form_account_account ON consent_form_account (account_id);

CREATE TABLE consent_form_platform (
    form_id     BIGINT NOT NULL,
    platform_id BIGINT NOT NULL,
    CONSTRAINT pk_consent_form_platform PRIMARY KEY (form_id, platform_id),
    CONSTRAINT fk_consent_form_platform_form FOREIGN KEY (form_id) REFERENCES consent_form (id),
    CONSTRAINT fk_consent_form_platform_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE INDEX ix_consent_form_platform_platform ON consent_form_platform (platform_id);

CREATE SEQUENCE consent_revocation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consent_revocation (
    id           BIGINT       NOT NULL PRIMARY KEY,
    form_id      BIGINT       NOT NULL,
    revoked_on   DATE         NOT NULL,
    received_by  VARCHAR(200) NOT NULL,
    photo        BOOLEAN      NOT NULL,
    video        BOOLEAN      NOT NULL,
    full_name    BOOLEAN      NOT NULL,
    first_name   BOOLEAN      NOT NULL,
    student_work BOOLEAN      NOT NULL,
    voice        BOOLEAN      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT fk_consent_revocation_form FOREIGN KEY (form_id) REFERENCES consent_form (id)
);
CREATE INDEX ix_consent_revocation_form ON consent_revocation (form_id);

CREATE SEQUENCE consent_evidence_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consent_evidence (
    id            BIGINT       NOT NULL PRIMARY KEY,
    form_id       BIGINT       NOT NULL,
    stored_name   VARCHAR(80)  NOT NULL,
    scan_type     VARCHAR(10)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    original_name VARCHAR(255),
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uq_consent_evidence_stored_name UNIQUE (stored_name),
    CONSTRAINT fk_consent_evidence_form FOREIGN KEY (form_id) REFERENCES consent_form (id)
);
CREATE INDEX ix_consent_evidence_form ON consent_evidence (form_id, uploaded_at);
CREATE INDEX ix_consent_evidence_sha256 ON consent_evidence (sha256);

-- ---------------------------------------------------------------- FERPA record of consent checks
CREATE SEQUENCE consent_check_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consent_check (
    id           BIGINT      NOT NULL PRIMARY KEY,
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by   VARCHAR(64) NOT NULL,
    account_id   BIGINT      NOT NULL,
    platform_id  BIGINT      NOT NULL,
    post_date    DATE        NOT NULL,
    photo        BOOLEAN     NOT NULL,
    video        BOOLEAN     NOT NULL,
    full_name    BOOLEAN     NOT NULL,
    first_name   BOOLEAN     NOT NULL,
    student_work BOOLEAN     NOT NULL,
    voice        BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL,
    CONSTRAINT fk_consent_check_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    CONSTRAINT fk_consent_check_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE INDEX ix_consent_check_account ON consent_check (account_id, checked_at);
CREATE INDEX ix_consent_check_platform ON consent_check (platform_id);
CREATE INDEX ix_consent_check_checked_by ON consent_check (checked_by, checked_at);

CREATE TABLE consent_check_result (
    check_id   BIGINT      NOT NULL,
    student_id BIGINT      NOT NULL,
    allowed    BOOLEAN     NOT NULL,
    reason     VARCHAR(20),
    CONSTRAINT pk_consent_check_result PRIMARY KEY (check_id, student_id),
    CONSTRAINT fk_consent_check_result_check FOREIGN KEY (check_id) REFERENCES consent_check (id),
    CONSTRAINT fk_consent_check_result_student FOREIGN KEY (student_id) REFERENCES student (id)
);

-- A student's disclosure record (ConsentCheck.FOR_STUDENT).
-- a revocation asks which accounts were cleared to post about the student
CREATE INDEX ix_consent_check_result_student ON consent_check_result (student_id, allowed);

-- ---------------------------------------------------------------- takedowns after a revocation
CREATE SEQUENCE takedown_task_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE takedown_task (
    id               BIGINT        NOT NULL PRIMARY KEY,
    form_id          BIGINT        NOT NULL,
    revocation_id    BIGINT        NOT NULL,
    account_id       BIGINT        NOT NULL,
    student_id       BIGINT        NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE,
    done_by          VARCHAR(64),
    note             VARCHAR(2000),
    next_reminder_at TIMESTAMP WITH TIME ZONE,
    reminders_sent   INTEGER       NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT fk_takedown_task_form FOREIGN KEY (form_id) REFERENCES consent_form (id),
    CONSTRAINT fk_takedown_task_revocation FOREIGN KEY (revocation_id) REFERENCES consent_revocation (id),
    CONSTRAINT fk_takedown_task_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    CONSTRAINT fk_takedown_task_student FOREIGN KEY (student_id) REFERENCES student (id),
    -- creating a revocation's tasks twice (a retried transaction) cannot make two; also serves the FK
    CONSTRAINT uq_takedown_task UNIQUE (revocation_id, account_id)
);
CREATE INDEX ix_takedown_task_form ON takedown_task (form_id);
CREATE INDEX ix_takedown_task_account ON takedown_task (account_id, status);
CREATE INDEX ix_takedown_task_student ON takedown_task (student_id);
-- The reminder sweep: next_reminder_at <= now (cleared when done).
CREATE INDEX ix_takedown_task_reminder ON takedown_task (next_reminder_at);

CREATE TABLE takedown_task_assignee (
    task_id  BIGINT      NOT NULL,
    username VARCHAR(64) NOT NULL,
    CONSTRAINT pk_takedown_task_assignee PRIMARY KEY (task_id, username),
    CONSTRAINT fk_takedown_task_assignee_task FOREIGN KEY (task_id) REFERENCES takedown_task (id)
);

-- The scan's bytes, apart from its metadata so lists never load them; in the database (not on one
-- server's disk) so every server of a cluster serves the same evidence and backups hold it.
CREATE TABLE consent_evidence_content (
    evidence_id BIGINT NOT NULL PRIMARY KEY,
    content     BYTEA  NOT NULL,
    CONSTRAINT fk_consent_evidence_content FOREIGN KEY (evidence_id) REFERENCES consent_evidence (id)
);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('consent', 0, 0, 0);
