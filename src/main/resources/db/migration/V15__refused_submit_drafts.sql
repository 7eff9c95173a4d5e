-- Drafts that a refused "Submit" left behind (issue 24, part 6). Until now the request form stored
-- the lines as a draft (audit action REQUEST_DRAFTED) and then tried to submit them in a second
-- transaction; when the submission was refused, the draft stayed, although the employee never
-- pressed "Save draft". Submitting now stores nothing unless it succeeds.
--
-- Such a draft cannot be told exactly from one saved with "Save draft": both wrote the same audit
-- row and nothing else. This migration removes only the drafts that can be shown to be such
-- leftovers, and keeps every other draft:
--   * still a draft, and its whole history is the one REQUEST_DRAFTED row by its requester (never
--     saved again, withdrawn or submitted since; a draft the employee came back to is kept);
--   * a line holds an email address outside the requester's own District domain (neither that
--     domain, nor a subdomain of it, nor its parent): the address the policy ("Separate
--     District-Related and Personal E-Mail Accounts") refuses at submission, which "Save draft" never
--     checked. A submission of that draft could only have been refused, and the draft kept a personal
--     address the District must not hold for the account.
-- Nothing else refers to a draft (review cycles, authorizations, letters and escalations begin at
-- submission); the conditions below check it all the same.
--
-- The audit rows of these drafts stay: the audit log is a hash chain, insert-only (V9), and deleting
-- a row would break it. The timeline shows them only through their request, so once the draft is
-- gone no page or API shows that timeline any more; the auditor's log keeps them as history.
--
-- Written to run again after a failure (H2 commits each DDL statement on its own). H2 (MODE=LEGACY)
-- and PostgreSQL 15.
CREATE TABLE IF NOT EXISTS refused_submit_leftover (
    request_id BIGINT NOT NULL PRIMARY KEY
);

INSERT INTO refused_submit_leftover (request_id)
SELECT r.id
  FROM sm_request r
  JOIN staff_user u ON u.id = r.requester_id
 WHERE r.status = 'DRAFT'
   AND NOT EXISTS (SELECT 1 FROM refused_submit_leftover x WHERE x.request_id = r.id)
   AND (SELECT COUNT(*) FROM audit_entry a
         WHERE a.object_type = 'SocialMediaRequest' AND a.object_id = CAST(r.id AS VARCHAR(64))) = 1
   AND EXISTS (SELECT 1 FROM audit_entry a
                WHERE a.object_type = 'SocialMediaRequest' AND a.object_id = CAST(r.id AS VARCHAR(64))
                  AND a.action = 'REQUEST_DRAFTED' AND a.actor = u.username)
   AND EXISTS (SELECT 1 FROM sm_request_line l
                WHERE l.request_id = r.id AND l.district_email LIKE '%_@_%'
                  AND LOWER(SUBSTRING(l.district_email FROM POSITION('@' IN l.district_email) + 1))
                      <> LOWER(SUBSTRING(u.email FROM POSITION('@' IN u.email) + 1))
                  AND LOWER(SUBSTRING(l.district_email FROM POSITION('@' IN l.district_email) + 1))
                      NOT LIKE '%.' || LOWER(SUBSTRING(u.email FROM POSITION('@' IN u.email) + 1))
                  AND LOWER(SUBSTRING(u.email FROM POSITION('@' IN u.email) + 1))
                      NOT LIKE '%.' || LOWER(SUBSTRING(l.district_email FROM POSITION('@' IN l.district_email) + 1)))
   AND NOT EXISTS (SELECT 1 FROM sm_review_cycle c WHERE c.request_id = r.id)
   AND NOT EXISTS (SELECT 1 FROM sm_authorization z WHERE z.request_id = r.id)
   AND NOT EXISTS (SELECT 1 FROM decision_letter dl WHERE dl.request_id = r.id)
   AND NOT EXISTS (SELECT 1 FROM escalation_event e WHERE e.request_id = r.id);

DELETE FROM sm_request_line_audience
 WHERE line_id IN (SELECT l.id FROM sm_request_line l
                    WHERE l.request_id IN (SELECT request_id FROM refused_submit_leftover));
DELETE FROM sm_request_line WHERE request_id IN (SELECT request_id FROM refused_submit_leftover);
DELETE FROM sm_request WHERE id IN (SELECT request_id FROM refused_submit_leftover);

DROP TABLE refused_submit_leftover;
