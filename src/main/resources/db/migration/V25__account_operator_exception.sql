-- Registering an account needs an authorized operator, or a recorded exception (issue 20, item 4):
-- why the account has none yet, who recorded that and when. Accounts registered before keep NULL
-- (they were registered under the old rule; the compliance page flags those without an operator).
-- H2 (MODE=LEGACY) and PostgreSQL 15.
ALTER TABLE district_account ADD COLUMN operator_exception_reason VARCHAR(1000);
ALTER TABLE district_account ADD COLUMN operator_exception_by VARCHAR(100);
ALTER TABLE district_account ADD COLUMN operator_exception_at TIMESTAMP WITH TIME ZONE;
