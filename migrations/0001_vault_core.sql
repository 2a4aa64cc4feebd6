-- The vault's core tables. Nothing here holds plaintext of a case, note or transcript: every
-- payload is a XChaCha20-Poly1305 ciphertext whose associated data binds it to its place.

-- One row: the vault's random id, part of every record's associated data.
CREATE TABLE vault_meta (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  vault_id BLOB NOT NULL CHECK (length(vault_id) = 16),
  created_at TEXT NOT NULL
);

-- The master key wrapped once per user passphrase (Argon2id) and once for the recovery key.
CREATE TABLE key_slots (
  slot_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'recovery')),
  username TEXT UNIQUE,
  kdf_ops INTEGER,
  kdf_mem INTEGER,
  kdf_salt BLOB,
  nonce BLOB NOT NULL,
  wrapped_key BLOB NOT NULL,
  CHECK ((kind = 'user') = (username IS NOT NULL))
);

-- Failed unlock attempts, kept on disk so that backoff survives a restart.
CREATE TABLE unlock_attempts (
  bucket TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until_ms INTEGER NOT NULL
);

-- Every sealed record: users, cases, sessions, session events. WITHOUT ROWID: the record id
-- is the key, so no separate id index has to be written on every append.
-- container_id: what the record belongs to; seq: version of the record or the event's sequence.
-- key_ref: which key seals it ('records', 'signing', or 'session:<id>' for a session data key).
-- blind_index: keyed BLAKE2b of a lookup value (a case reference), never the value itself.
CREATE TABLE records (
  record_id TEXT PRIMARY KEY,
  container_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  key_ref TEXT NOT NULL,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  blind_index BLOB
) WITHOUT ROWID;
-- Listings by kind (all cases, a case's sessions). Session events are left out of it: their ids
-- ('<session>:<zero-padded seq>') already keep them in order in the primary key, and every index
-- an event touches is one more page written to the WAL before a note can be acknowledged.
CREATE INDEX records_by_kind ON records (kind, container_id, seq) WHERE kind <> 'event';
CREATE UNIQUE INDEX records_by_blind_index ON records (kind, blind_index) WHERE blind_index IS NOT NULL;

-- Per-session data keys, wrapped with the session-wrapping subkey. Deleting a row shreds the
-- session: its events can no longer be decrypted by anyone.
CREATE TABLE data_keys (
  key_ref TEXT PRIMARY KEY,
  nonce BLOB NOT NULL,
  wrapped_key BLOB NOT NULL
);

-- Append-only audit log: encrypted entries chained by a keyed BLAKE2b MAC.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  mac BLOB NOT NULL CHECK (length(mac) = 32)
);
