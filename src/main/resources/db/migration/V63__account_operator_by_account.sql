-- The accounts report's "no active operator" (issue 22, item 5) asks, per account in use, whether an active
-- authorization operates it: an index on account_id. H2 made one for the foreign key already; PostgreSQL
-- does not index a foreign key by itself. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_account_operator_account ON account_operator (account_id, authorization_id);
