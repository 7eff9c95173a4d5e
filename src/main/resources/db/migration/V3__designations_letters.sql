-- The Superintendent's designees for a period, and the written responses (PDF letters) as sent.
-- Valid on H2 (MODE=LEGACY) and PostgreSQL 15. Sequences start at their increment (see V1).

CREATE SEQUENCE designation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE designation (
    id               BIGINT NOT NULL PRIMARY KEY,
    designee_id      BIGINT NOT NULL REFERENCES staff_user (id),
    designated_by_id BIGINT NOT NULL REFERENCES staff_user (id),
    starts_on        DATE   NOT NULL,
    ends_on          DATE   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    version          BIGINT NOT NULL
);
CREATE INDEX ix_designation_designee ON designation (designee_id, ends_on);

-- BYTEA: PostgreSQL's binary type, which H2 accepts as a name for BINARY VARYING.
CREATE SEQUENCE decision_letter_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE decision_letter (
    id         BIGINT      NOT NULL PRIMARY KEY,
    request_id BIGINT      NOT NULL REFERENCES sm_request (id),
    reference  VARCHAR(40) NOT NULL,
    pdf        BYTEA       NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_decision_letter_request UNIQUE (request_id),
    CONSTRAINT uq_decision_letter_reference UNIQUE (reference)
);
