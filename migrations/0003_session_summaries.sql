-- Per-session summary records (issue #22): each session gets one 'session-summary' record,
-- rewritten with every event, so listing reads one record per session and verify has an anchor
-- (event count and chain head) without walking the audit log. Summaries are sealed records like
-- any other, so they can only be built by a signed-in user who holds the session's class key:
-- this table names work left for the next unlock. A row is deleted when the work is done.
CREATE TABLE vault_tasks (
  task TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO vault_tasks (task) VALUES ('session-summaries');
