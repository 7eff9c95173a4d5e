-- The transactional outbox: every email is a row written with the change that caused it, sent later
-- by the relay. Valid on H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE SEQUENCE outbox_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outbox_message (
    id              BIGINT         NOT NULL PRIMARY KEY,
    message_id      VARCHAR(200)   NOT NULL,
    event_type      VARCHAR(40)    NOT NULL,
    request_id      BIGINT,
    recipients      VARCHAR(2000)  NOT NULL,
    subject         VARCHAR(300)   NOT NULL,
    text_body       VARCHAR(20000) NOT NULL,
    html_body       VARCHAR(20000) NOT NULL,
    status          VARCHAR(10)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    version         BIGINT         NOT NULL,
    CONSTRAINT uq_outbox_message_id UNIQUE (message_id)
);
-- the relay's question: what is pending and due, soonest first
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_request ON outbox_message (request_id);
