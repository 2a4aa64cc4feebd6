-- The start of signed audit, signed by the centre key (red team round 3, M1). Migration 0004 put
-- the first sequence number that must carry an author signature in vault_meta.audit_signed_from,
-- a cleartext column nothing authenticated: anyone with the file could strip every signature,
-- move the boundary past the end and make the whole log look like it predates signed audit.
-- `audit_start` holds the centre key's signed statement of that boundary (JSON: statement and
-- signature, src/vault/audit-start.ts): written with the vault, or at the first admin sign-in of
-- an older vault. `vault check` requires the column to match the statement; the audit log trusts
-- the signed value, not the column.
ALTER TABLE vault_meta ADD COLUMN audit_start TEXT;
