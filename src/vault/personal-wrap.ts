// Personal key wraps in the integrity check (red team 22, RT22-4). A user's personal key
// (`personal:<user>@1`, which seals their staff signing key) is wrapped only for their own
// X25519 user key, by sealed box: anyone with write access to the file can replace that wrap
// with one of a key of his own (no key needed), and only the user could tell, at sign-in, as a
// record that fails authentication; the admin's vault check saw nothing. Now every audit entry
// that writes a user's slot (vault creation, users.add, passphrase change, recovery, removal)
// also commits to a digest of the user's personal key wrap rows (ref `keywrap:personal:<user>`,
// as slots are committed with `slot:` refs): vault check names a wrap that differs
// (PERSONAL_KEY_WRAP_EDITED), and the user's refused sign-in says what happened and the next step.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditLog, SignerLookup } from './audit';
import { statement } from './db';
import { HearthError } from './errors';

/** The audit reference id that commits to a user's personal key wrap rows. */
export function personalWrapRefId(username: string): string {
  return `keywrap:personal:${username}`;
}

/** Whether an audit reference id is a personal key wrap commitment (not a record). */
export function isPersonalWrapRef(id: string): boolean {
  return id.startsWith('keywrap:personal:');
}

/**
 * sha256 (hex) of every wrap row of `personal:<user>` (version, holder, nonce, wrapped key, in
 * order), or '' when there is none (a removed user's key is shredded).
 */
export function personalWrapDigest(db: Database, username: string): string {
  const rows = statement(
    db,
    'SELECT version, holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? ORDER BY version, holder',
  ).all(`personal:${username}`) as Array<{
    version: unknown;
    holder: unknown;
    nonce: unknown;
    wrapped_key: unknown;
  }>;
  if (rows.length === 0) return '';
  const hash = createHash('sha256').update('hearth.personal-wrap.v1\0');
  const part = (value: unknown): Buffer =>
    Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
  for (const row of rows)
    for (const value of [row.version, row.holder, row.nonce, row.wrapped_key]) {
      const bytes = part(value);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      hash.update(length).update(bytes);
    }
  return hash.digest('hex');
}

/**
 * Whether the user's personal key wrap rows differ from what the newest entry that wrote them
 * committed to (one index pointer, one entry check). Undefined: no commitment to compare with
 * (a vault from before this check, or the pointer does not verify).
 */
export function personalWrapReplaced(
  db: Database,
  audit: AuditLog,
  lookup: SignerLookup,
  username: string,
): boolean | undefined {
  const id = personalWrapRefId(username);
  const seq = audit.indexedEntry(id);
  if (seq === undefined) return undefined;
  const ref = audit.claimAt(seq, lookup)?.refs.find((r) => r.id === id);
  if (!ref) return undefined;
  return ref.hash !== personalWrapDigest(db, username);
}

/** The sign-in refusal when a user's personal key wrap was replaced outside Hearth. */
export function personalWrapReplacedError(username: string): HearthError {
  return new HearthError(
    'TAMPERED',
    `Your signing key cannot be opened: the wrap of your personal key (personal:${username}) in the vault file was replaced outside Hearth. Nothing of yours was written under the planted key. Ask an admin to run a vault check (it names PERSONAL_KEY_WRAP_EDITED for ${username}), then to remove you and add you again (Settings → Users); your past signed work stays verifiable.`,
    { reason: 'PERSONAL_KEY_REPLACED' },
  );
}
