-- Yearly account checklists (issue 20 item 4): each account's next checklist is due on a date; signing it off
-- keeps who, when, what was confirmed and a screenshot, and moves the due date a year on. The platforms'
-- privacy settings checklists, which a system administrator keeps. H2 (MODE=LEGACY) and PostgreSQL 15.

-- One item per line. Existing platforms start from the items every platform has; the system administrator
-- adapts them on the platforms page.
ALTER TABLE platform ADD COLUMN privacy_checklist VARCHAR(4000);
UPDATE platform SET privacy_checklist = 'Direct messages from people the account does not follow are off or screened'
    || CHR(10) || 'Tagging or mentioning the account needs approval before it shows'
    || CHR(10) || 'Location sharing on posts is off'
    || CHR(10) || 'Contact details shown on the profile are District ones only';

-- The next checklist's due date; when it becomes overdue (the start of the day after, in the District's time
-- zone); when the rights timer next looks at it (a reminder or the overdue notice), null when nothing is left to send.
ALTER TABLE district_account ADD COLUMN attestation_due_on DATE;
ALTER TABLE district_account ADD COLUMN attestation_overdue_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE district_account ADD COLUMN attestation_next_check_at TIMESTAMP WITH TIME ZONE;

-- Existing accounts: the one-click checks decide the first due date. Both checks done (and the account identifies
-- the District): a year after the earlier of the two. Otherwise, or when that is less than 30 days away: 30 days
-- after the upgrade, so nobody is overdue the day it runs and everyone gets the first reminder.
-- The overdue instant is set here at midnight of the database session's zone; the rights timer's first pass
-- (next check: now) sets it again in the District's time zone.
UPDATE district_account SET attestation_due_on = CASE
    WHEN identifies_district = TRUE AND identification_checked_at IS NOT NULL AND privacy_reviewed_at IS NOT NULL
        THEN GREATEST(CAST(CAST(LEAST(identification_checked_at, privacy_reviewed_at) AS DATE) + INTERVAL '1' YEAR AS DATE),
                      CAST(CURRENT_DATE + INTERVAL '30' DAY AS DATE))
    ELSE CAST(CURRENT_DATE + INTERVAL '30' DAY AS DATE) END;
UPDATE district_account SET attestation_overdue_at = CAST(attestation_due_on + INTERVAL '1' DAY AS TIMESTAMP),
                            attestation_next_check_at = CURRENT_TIMESTAMP;
ALTER TABLE district_account ALTER COLUMN attestation_due_on SET NOT NULL;
ALTER TABLE district_account ALTER COLUMN attestation_overdue_at SET NOT NULL;
-- the rights timer's walk, and the "attestations due" count and filter over the registry
CREATE INDEX ix_district_account_attestation_check ON district_account (attestation_next_check_at);
CREATE INDEX ix_district_account_attestation_due ON district_account (attestation_due_on);

-- A signed-off checklist: written once, never changed.
CREATE SEQUENCE account_attestation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_attestation (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    account_id         BIGINT        NOT NULL,
    -- the due date this sign-off answered, and the next one it set
    due_on             DATE          NOT NULL,
    next_due_on        DATE          NOT NULL,
    signed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_by          VARCHAR(64)   NOT NULL,
    -- the platform's privacy items as they read when confirmed, one per line
    privacy_items      VARCHAR(4000) NOT NULL,
    -- the District administrators counted from the rights in force at sign-off (at least two)
    admins_at_sign_off INTEGER       NOT NULL,
    evidence_type      VARCHAR(10)   NOT NULL,
    evidence_name      VARCHAR(255),
    evidence_size      BIGINT        NOT NULL,
    evidence_sha256    VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_account_attestation_account FOREIGN KEY (account_id) REFERENCES district_account (id),
    -- one sign-off per due date: a second click, or two people at once, cannot sign the same checklist twice
    CONSTRAINT uq_account_attestation_due UNIQUE (account_id, due_on)
);

-- The screenshot's bytes, apart so the history never loads them; in the database so every server serves it.
CREATE TABLE account_attestation_evidence (
    attestation_id BIGINT NOT NULL PRIMARY KEY,
    content        BYTEA  NOT NULL,
    CONSTRAINT fk_account_attestation_evidence FOREIGN KEY (attestation_id) REFERENCES account_attestation (id)
);
