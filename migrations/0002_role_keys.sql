-- Keys per data class, wrapped per role (issue #15). The single master key of 0001 is replaced
-- by a key hierarchy: a key slot unwraps its user's key; the user's key unwraps only the data-class
-- keys the user's role may read; class keys unwrap the per-session and per-allegation keys below
-- them. Nothing here is plaintext: every key is stored only wrapped (XChaCha20-Poly1305) under
-- another key, with associated data naming both.

-- One row per (key version, holder): key <logical>@<version>, wrapped under the holder key
-- (also an '<logical>@<version>' id). A key is rotated by adding a version; the old version is
-- then wrapped under the new one, so what was written before stays readable to those who hold
-- the new one, and nothing written afterwards is readable with the old one. Deleting every row
-- of a logical key shreds it.
CREATE TABLE key_wraps (
  logical TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  holder TEXT NOT NULL,
  nonce BLOB NOT NULL,
  wrapped_key BLOB NOT NULL,
  PRIMARY KEY (logical, version, holder)
) WITHOUT ROWID;
CREATE INDEX key_wraps_by_holder ON key_wraps (holder);

-- Public halves of keys whose secret half is a wrapped key (the audit log's X25519 key): anyone
-- may encrypt to it, only holders of the secret half read.
CREATE TABLE public_keys (
  key_id TEXT PRIMARY KEY,
  public_key BLOB NOT NULL CHECK (length(public_key) = 32)
);

-- A key slot now wraps its user's key (key_id names which version), not a master key.
ALTER TABLE key_slots ADD COLUMN key_id TEXT;

-- Audit entries are encrypted with a random epoch key per sign-in ('epoch:<n>@1' in key_wraps,
-- sealed to the audit class's public key): every user can append, only holders of the audit key
-- (admins) can read. The record references each entry commits to are encrypted under the chain
-- key every user holds, so any user can check the chain and what it says was written.
CREATE TABLE audit_epochs (
  epoch INTEGER PRIMARY KEY,
  chain_key_id TEXT NOT NULL
);
ALTER TABLE audit_log ADD COLUMN epoch INTEGER;
ALTER TABLE audit_log ADD COLUMN refs_nonce BLOB;
ALTER TABLE audit_log ADD COLUMN refs_ciphertext BLOB;

-- Per-session data keys now live in key_wraps (wrapped under their data class's key).
DROP TABLE data_keys;
