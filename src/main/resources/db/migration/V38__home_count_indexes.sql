-- The home page's count of the takedown tasks assigned to the signed-in operator (issue 22): without it the
-- count reads every assignee row (the primary key starts with task_id). H2 and PostgreSQL alike.
CREATE INDEX ix_takedown_task_assignee_username ON takedown_task_assignee (username, task_id);
