-- Signed audit entries (security red team, issue #15 finding 1). Every role holds the audit chain
-- key, so the MAC alone cannot stop an insider from re-chaining the log offline. From this
-- version on each entry is also signed by its author's certified staff key (Ed25519) over the
-- previous entry's MAC and the entry's own digest: an insider can write entries only under their
-- own key and cannot rewrite or delete anyone else's without breaking a signature.
-- Entries written before this migration stay unsigned and are reported as legacy-unsigned.
ALTER TABLE audit_log ADD COLUMN signer BLOB CHECK (signer IS NULL OR length(signer) = 32);
ALTER TABLE audit_log ADD COLUMN signature BLOB CHECK (signature IS NULL OR length(signature) = 64);
-- The first entry that must be signed: 1 for a vault created by this version; for an existing
-- vault, the entry after its last legacy one.
ALTER TABLE vault_meta ADD COLUMN audit_signed_from INTEGER NOT NULL DEFAULT 1;
UPDATE vault_meta SET audit_signed_from = (SELECT coalesce(max(seq), 0) + 1 FROM audit_log);
