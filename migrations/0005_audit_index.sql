-- Audit index (issue #22 after #15): for each record, which audit entry wrote its current
-- version, so that `sessions.verify` checks the author signature of a session's own entries by
-- primary key instead of walking the whole audit log. Written in the transaction of every audit
-- append. The entry's sequence number is sealed (XChaCha20-Poly1305) under a subkey of the audit
-- chain key every user holds, with the record id as associated data, so the file alone does not
-- link a record to the staff key that signed its entry. The index is a pointer only and is never
-- trusted: verify re-checks the entry's signature, certificate and record hash, and a missing or
-- wrong row is reported as a failure. Whole-log checks stay in `vault check`.
CREATE TABLE audit_index (
  record_id TEXT PRIMARY KEY,
  chain_key_id TEXT NOT NULL,
  nonce BLOB NOT NULL,
  sealed_seq BLOB NOT NULL
) WITHOUT ROWID;
-- Existing vaults: filled from one walk of the audit log at the next unlock (any user can: it
-- needs the chain key only).
INSERT INTO vault_tasks (task) VALUES ('audit-index');
