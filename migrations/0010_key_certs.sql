-- Key certificates (red team 14, R14-1, R14-3, R14-4; src/vault/key-certs.ts). `key_wraps` and
-- `public_keys` are clear tables: anyone with write access to the file could add a new version of
-- a class key sealed to the real holders' public user keys, or a public half of a new recovery
-- key, and Hearth took the newest version. Each vouched key version now has one row here: its
-- commitment (the public half of an X25519 key; a keyed BLAKE2b of a symmetric key, which reveals
-- nothing of it) signed by the centre key, or by the certified staff key of the user whose own key
-- it is. Only a version with a valid row is used; an unwrapped key must match its commitment.
CREATE TABLE key_certs (
  key_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('secret', 'public')),
  commitment BLOB NOT NULL CHECK (length(commitment) = 32),
  signer BLOB NOT NULL CHECK (length(signer) = 32),
  signature BLOB NOT NULL CHECK (length(signature) = 64)
) WITHOUT ROWID;
