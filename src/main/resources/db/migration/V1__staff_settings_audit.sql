-- The base: schools and departments, staff users and their roles, District settings overrides,
-- Sequences start at their increment: EclipseLink reads a value as the END of a block of 50.
-- holidays, and the audit log. Valid on H2 (MODE=LEGACY) and PostgreSQL 15.

CREATE SEQUENCE org_unit_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE org_unit (
    id       BIGINT       NOT NULL PRIMARY KEY,
    code     VARCHAR(40)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(20)  NOT NULL,
    active   BOOLEAN      NOT NULL,
    version  BIGINT       NOT NULL,
    CONSTRAINT uq_org_unit_code UNIQUE (code)
);

CREATE SEQUENCE staff_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE staff_user (
    id             BIGINT       NOT NULL PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    unit_id        BIGINT       REFERENCES org_unit (id),
    supervisor_id  BIGINT       REFERENCES staff_user (id),
    password_hash  VARCHAR(200),
    active         BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_staff_user_username UNIQUE (username),
    CONSTRAINT uq_staff_user_email UNIQUE (email)
);
CREATE INDEX ix_staff_user_unit ON staff_user (unit_id);
CREATE INDEX ix_staff_user_supervisor ON staff_user (supervisor_id);
CREATE INDEX ix_staff_user_full_name ON staff_user (full_name);

CREATE TABLE staff_user_role (
    staff_user_id BIGINT      NOT NULL REFERENCES staff_user (id),
    role          VARCHAR(30) NOT NULL,
    PRIMARY KEY (staff_user_id, role)
);
CREATE INDEX ix_staff_user_role_role ON staff_user_role (role);

CREATE TABLE district_setting (
    setting_key   VARCHAR(60)   NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL
);

CREATE TABLE holiday (
    holiday_date DATE         NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by  VARCHAR(64)  NOT NULL
);

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64),
    actor_roles VARCHAR(200),
    ip_address  VARCHAR(45),
    action      VARCHAR(60)   NOT NULL,
    object_type VARCHAR(60),
    object_id   VARCHAR(64),
    outcome     VARCHAR(10)   NOT NULL,
    details     VARCHAR(4000)
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX ix_audit_entry_object ON audit_entry (object_type, object_id);
