-- H2 only (SchemaMigration adds this folder on H2). H2 gives a foreign key an index of its own when no index of
-- exactly its columns exists yet. V30 declares parent_link's and parent_link_token's keys in CREATE TABLE, before its
-- CREATE INDEX statements, so H2 kept two indexes each on parent_link (request_id), (guardian_id), (form_id) and
-- parent_link_token (link_id): a consent request to a school writes thousands of links at once, and each updated
-- 12 + 3 indexes. Declared again, each key uses the index V30 made for it (9 + 2). PostgreSQL makes no index for a
-- foreign key and keeps V30's. (student_id keeps its own: ix_parent_link_student has a second column, which H2
-- does not take for a key.)
ALTER TABLE parent_link DROP CONSTRAINT fk_parent_link_request;
ALTER TABLE parent_link DROP CONSTRAINT fk_parent_link_guardian;
ALTER TABLE parent_link DROP CONSTRAINT fk_parent_link_form;
ALTER TABLE parent_link_token DROP CONSTRAINT fk_parent_link_token_link;
ALTER TABLE parent_link ADD CONSTRAINT fk_parent_link_request FOREIGN KEY (request_id) REFERENCES parent_request (id);
ALTER TABLE parent_link ADD CONSTRAINT fk_parent_link_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id);
ALTER TABLE parent_link ADD CONSTRAINT fk_parent_link_form FOREIGN KEY (form_id) REFERENCES consent_form (id);
ALTER TABLE parent_link_token ADD CONSTRAINT fk_parent_link_token_link FOREIGN KEY (link_id) REFERENCES parent_link (id);
