-- The registry of District-related social media accounts, the employees authorized to operate them,
-- the administrative rights the Superintendent grants on them, the access reviews of those rights,
-- and the notices the rights timer sent (at most once each). H2 (MODE=LEGACY) and PostgreSQL 15.

-- A designee answers requests; granting administrative rights is a separate power the
-- Superintendent gives explicitly ("a designee given that power").
ALTER TABLE designation ADD COLUMN may_grant_rights BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE district_account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE district_account (
    id                        BIGINT        NOT NULL PRIMARY KEY,
    platform_id               BIGINT        NOT NULL,
    other_platform_name       VARCHAR(60),
    handle                    VARCHAR(200)  NOT NULL,
    -- lower-cased handle: the same account cannot be registered twice under different capitals
    handle_key                VARCHAR(200)  NOT NULL,
    url                       VARCHAR(500)  NOT NULL,
    unit_id                   BIGINT        NOT NULL,
    purpose                   VARCHAR(2000) NOT NULL,
    registered_email          VARCHAR(254)  NOT NULL,
    status                    VARCHAR(10)   NOT NULL,
    identifies_district       BOOLEAN       NOT NULL,
    identification_checked_by VARCHAR(64),
    identification_checked_at TIMESTAMP WITH TIME ZONE,
    privacy_reviewed_by       VARCHAR(64),
    privacy_reviewed_at       TIMESTAMP WITH TIME ZONE,
    archive_covered           BOOLEAN       NOT NULL,
    -- kept by the account itself with each grant and end of grant (its version guards it)
    active_admins             INTEGER       NOT NULL,
    source_authorization_id   BIGINT,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                VARCHAR(64)   NOT NULL,
    version                   BIGINT        NOT NULL,
    CONSTRAINT fk_district_account_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_district_account_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_district_account_source FOREIGN KEY (source_authorization_id) REFERENCES sm_authorization (id),
    CONSTRAINT uq_district_account_handle UNIQUE (platform_id, handle_key)
);
-- the console's default order and its school filter; the directory (status = ACTIVE, by unit)
CREATE INDEX ix_district_account_unit ON district_account (unit_id, handle_key);
CREATE INDEX ix_district_account_status ON district_account (status, unit_id, handle_key);
CREATE INDEX ix_district_account_handle ON district_account (handle_key);
CREATE INDEX ix_district_account_source ON district_account (source_authorization_id);

-- Request lines may name an account of the registry: now it exists, the reference is checked.
ALTER TABLE sm_request_line ADD CONSTRAINT fk_sm_request_line_account
    FOREIGN KEY (existing_account_id) REFERENCES district_account (id);
CREATE INDEX ix_sm_request_line_account ON sm_request_line (existing_account_id);

CREATE SEQUENCE account_operator_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_operator (
    id               BIGINT       NOT NULL PRIMARY KEY,
    account_id       BIGINT       NOT NULL,
    authorization_id BIGINT       NOT NULL,
    employee_id      BIGINT       NOT NULL,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by         VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_account_operator_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    CONSTRAINT fk_account_operator_authorization FOREIGN KEY (authorization_id) REFERENCES sm_authorization (id),
    CONSTRAINT fk_account_operator_employee FOREIGN KEY (employee_id) REFERENCES staff_user (id),
    CONSTRAINT uq_account_operator UNIQUE (account_id, authorization_id)
);
CREATE INDEX ix_account_operator_employee ON account_operator (employee_id, account_id);
CREATE INDEX ix_account_operator_authorization ON account_operator (authorization_id);

CREATE SEQUENCE account_grant_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_grant (
    id                BIGINT        NOT NULL PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    holder_id         BIGINT        NOT NULL,
    granted_by        VARCHAR(64)   NOT NULL,
    granted_by_name   VARCHAR(200)  NOT NULL,
    granted_as        VARCHAR(100)  NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    starts_on         DATE          NOT NULL,
    ends_on           DATE,
    open_ended_reason VARCHAR(2000),
    status            VARCHAR(10)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    ended_by          VARCHAR(64),
    end_reason        VARCHAR(2000),
    last_reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_reviewed_by  VARCHAR(64)   NOT NULL,
    flagged_review_id BIGINT,
    next_check_at     TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    CONSTRAINT fk_account_grant_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    CONSTRAINT fk_account_grant_holder FOREIGN KEY (holder_id) REFERENCES staff_user (id)
);
CREATE INDEX ix_account_grant_account ON account_grant (account_id, status);
CREATE INDEX ix_account_grant_holder ON account_grant (holder_id, status);
-- "expiring in 30 days" and the default order of the grants table
CREATE INDEX ix_account_grant_ends ON account_grant (status, ends_on, id);
-- "not reviewed" (reviewed before the open review started)
CREATE INDEX ix_account_grant_reviewed ON account_grant (status, last_reviewed_at);
-- the rights timer's question: what is due now (cost follows what is due, not what is stored)
CREATE INDEX ix_account_grant_next_check ON account_grant (next_check_at);

CREATE SEQUENCE access_review_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE access_review (
    id               BIGINT       NOT NULL PRIMARY KEY,
    opens_on         DATE         NOT NULL,
    deadline         DATE         NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by        VARCHAR(64)  NOT NULL,
    lapse_unreviewed BOOLEAN      NOT NULL,
    reminders_before VARCHAR(200) NOT NULL,
    next_check_at    TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    grants_flagged   INTEGER      NOT NULL,
    grants_lapsed    INTEGER      NOT NULL,
    version          BIGINT       NOT NULL,
    -- one review per term, whichever server's timer opens it
    CONSTRAINT uq_access_review_opens UNIQUE (opens_on)
);
CREATE INDEX ix_access_review_next_check ON access_review (next_check_at);
CREATE INDEX ix_access_review_status ON access_review (status, opens_on);
ALTER TABLE account_grant ADD CONSTRAINT fk_account_grant_flagged_review
    FOREIGN KEY (flagged_review_id) REFERENCES access_review (id);
CREATE INDEX ix_account_grant_flagged ON account_grant (flagged_review_id);

-- Each notice of the rights timer happens at most once, whatever the timers do.
CREATE SEQUENCE rights_notice_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE rights_notice (
    id          BIGINT        NOT NULL PRIMARY KEY,
    subject     VARCHAR(10)   NOT NULL,
    subject_id  BIGINT        NOT NULL,
    stage       VARCHAR(40)   NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients  VARCHAR(2000),
    CONSTRAINT uq_rights_notice UNIQUE (subject, subject_id, stage)
);
CREATE INDEX ix_rights_notice_fired ON rights_notice (fired_at);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('account-rights', 0, 0, 0);
