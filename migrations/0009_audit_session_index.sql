-- Per-session audit index (issue #22 after R10-10): which audit entries wrote records of a
-- session (its events and summary), so that the write-once check run before a seal, an addendum
-- or an export (src/vault/write-once.ts sessionWriteOnceProblem) opens that session's entries
-- only, instead of every entry written since the session started. `tag` is a keyed BLAKE2b of
-- the session id under a subkey of the audit chain key current at the append (every role holds
-- it), so the file alone does not name the session; it does show which entries touch the same
-- session. A pointer only, never trusted: each listed entry's chain MAC is checked and its
-- references opened; an entry missing from it is caught where its records still stand (the
-- check then walks the log as before). Written in the transaction of every audit append.
CREATE TABLE audit_session_index (
  tag BLOB NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (tag, seq)
) WITHOUT ROWID;
-- Existing vaults: filled from one walk of the audit log at the next unlock (any user).
INSERT INTO vault_tasks (task) VALUES ('audit-session-index');
