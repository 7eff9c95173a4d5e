-- Acknowledgement campaigns: every active staff member owes an acknowledgement of a policy version within
-- ACK_PERIOD. An obligation per (campaign, staff member), keyed by both so that enrolling everyone is one
-- INSERT ... SELECT and enrolling twice is refused; next_look_at (indexed) is when the deadline timer looks
-- at it again. A stage row per (campaign, staff member, stage) makes each notice, reminder and overdue
-- notice happen at most once, whatever the number of servers. A personal link is kept only as the SHA-256
-- of its token. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE SEQUENCE ack_campaign_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ack_campaign (
    id               BIGINT        NOT NULL PRIMARY KEY,
    version_id       BIGINT        NOT NULL REFERENCES policy_version (id),
    auto_version_id  BIGINT        REFERENCES policy_version (id),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by       VARCHAR(64)   NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    ack_period       VARCHAR(40)   NOT NULL,
    reminders        VARCHAR(200)  NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_ack_campaign_auto UNIQUE (auto_version_id)
);
CREATE INDEX ix_ack_campaign_open ON ack_campaign (closed_at);

CREATE TABLE ack_obligation (
    campaign_id      BIGINT        NOT NULL REFERENCES ack_campaign (id),
    staff_id         BIGINT        NOT NULL REFERENCES staff_user (id),
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    next_look_at     TIMESTAMP WITH TIME ZONE,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    text_sha256      VARCHAR(64),
    channel          VARCHAR(20),
    PRIMARY KEY (campaign_id, staff_id)
);
CREATE INDEX ix_ack_obligation_next_look ON ack_obligation (next_look_at);
CREATE INDEX ix_ack_obligation_staff ON ack_obligation (staff_id, acknowledged_at);

CREATE TABLE ack_stage (
    campaign_id  BIGINT        NOT NULL,
    staff_id     BIGINT        NOT NULL,
    stage        VARCHAR(40)   NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients   VARCHAR(2000),
    PRIMARY KEY (campaign_id, staff_id, stage),
    CONSTRAINT fk_ack_stage_obligation FOREIGN KEY (campaign_id, staff_id) REFERENCES ack_obligation (campaign_id, staff_id)
);

CREATE TABLE ack_link (
    token_sha256  VARCHAR(64)   NOT NULL PRIMARY KEY,
    campaign_id   BIGINT        NOT NULL,
    staff_id      BIGINT        NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_ack_link_obligation FOREIGN KEY (campaign_id, staff_id) REFERENCES ack_obligation (campaign_id, staff_id)
);

INSERT INTO sweep_status (name, last_processed, last_failures, version) VALUES ('acknowledgements', 0, 0, 0);
