-- Parents' consent online (issue 21): consent requests of a consent clerk, one personal link per parent and
-- student (only the SHA-256 of its token is kept), each reminder once (its own row under a unique key), the
-- electronic signature that is a form's evidence, and an email's attachment (the parent's PDF receipt).
-- Valid on H2 (MODE=LEGACY) and PostgreSQL 15. Sequences start at their increment (EclipseLink blocks of 50).

CREATE SEQUENCE parent_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE parent_request (
    id          BIGINT       NOT NULL PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    target_kind VARCHAR(10)  NOT NULL,
    target      VARCHAR(255) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_parent_request_school FOREIGN KEY (school_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_parent_request_school ON parent_request (school_id, created_at);

CREATE SEQUENCE parent_link_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE parent_link (
    id               BIGINT       NOT NULL PRIMARY KEY,
    request_id       BIGINT,
    student_id       BIGINT       NOT NULL,
    guardian_id      BIGINT       NOT NULL,
    class_id         BIGINT,
    email            VARCHAR(254) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    answered_at      TIMESTAMP WITH TIME ZONE,
    form_id          BIGINT,
    declined         BOOLEAN      NOT NULL,
    reminders_sent   INTEGER      NOT NULL,
    next_reminder_at TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL,
    CONSTRAINT fk_parent_link_request FOREIGN KEY (request_id) REFERENCES parent_request (id),
    CONSTRAINT fk_parent_link_student FOREIGN KEY (student_id) REFERENCES student (id),
    CONSTRAINT fk_parent_link_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
    CONSTRAINT fk_parent_link_class FOREIGN KEY (class_id) REFERENCES school_class (id),
    CONSTRAINT fk_parent_link_form FOREIGN KEY (form_id) REFERENCES consent_form (id)
);
CREATE INDEX ix_parent_link_request ON parent_link (request_id);
CREATE INDEX ix_parent_link_student ON parent_link (student_id, guardian_id);
CREATE INDEX ix_parent_link_guardian ON parent_link (guardian_id);
CREATE INDEX ix_parent_link_form ON parent_link (form_id);
-- The reminder sweep: next_reminder_at <= now (cleared when answered or out of reminders).
CREATE INDEX ix_parent_link_reminder ON parent_link (next_reminder_at);

-- The SHA-256 of each token sent for a link (the first email's, each reminder's): any of them opens it.
CREATE TABLE parent_link_token (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    link_id    BIGINT      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_parent_link_token_link FOREIGN KEY (link_id) REFERENCES parent_link (id)
);
CREATE INDEX ix_parent_link_token_link ON parent_link_token (link_id);

-- One row per reminder sent: a second server (or a retried pass) cannot send reminder n twice.
CREATE TABLE parent_link_reminder (
    link_id BIGINT  NOT NULL,
    reminder_no INTEGER NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_parent_link_reminder PRIMARY KEY (link_id, reminder_no),
    CONSTRAINT fk_parent_link_reminder_link FOREIGN KEY (link_id) REFERENCES parent_link (id)
);

-- A form signed online: who typed what, when, from where, and the SHA-256 of the exact text shown.
CREATE TABLE consent_signature (
    form_id        BIGINT        NOT NULL PRIMARY KEY,
    signed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address     VARCHAR(45)   NOT NULL,
    user_agent     VARCHAR(500),
    typed_name     VARCHAR(200)  NOT NULL,
    statement      VARCHAR(1000) NOT NULL,
    relationship   VARCHAR(200)  NOT NULL,
    language       VARCHAR(20)   NOT NULL,
    text_sha256    VARCHAR(64)   NOT NULL,
    text_shown     VARCHAR(20000) NOT NULL,
    CONSTRAINT fk_consent_signature_form FOREIGN KEY (form_id) REFERENCES consent_form (id)
);

-- An email's one attachment (a parent's receipt), apart so the outbox page never loads it.
CREATE TABLE outbox_attachment (
    message_id   BIGINT       NOT NULL PRIMARY KEY,
    file_name    VARCHAR(100) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      BYTEA        NOT NULL,
    CONSTRAINT fk_outbox_attachment_message FOREIGN KEY (message_id) REFERENCES outbox_message (id)
);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('parent-reminders', 0, 0, 0);
