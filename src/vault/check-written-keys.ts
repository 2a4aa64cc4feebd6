// vault check: key versions Hearth ignores because it cannot show it made them (red team 20,
// R20-1, R20-2, R20-3). Anyone who can write the file can add a "newer" version of a per-user
// (`personal:`), per-session (`session:`) or per-review (`review:`, R21-4) data key sealed to a user's public key, or random
// bytes, and a row saying a class key is held by a newer version that does not exist. Hearth
// writes only under versions it can show it made (KeyStore `newestProvenWritten`,
// `supersededByReal`), so these capture nothing and stop nothing; this names them. Key rows
// carry no audit reference, so no signer can be named. Cost: one scan of the distinct
// (logical, version) pairs of the written keys, and one indexed read per class key.
import type { VaultProblem } from './check';
import type { FindingSink } from './check-report';
import { statement } from './db';
import { isWrittenLogical } from './key-certs';
import { keyId, tryParseKeyId, WELL_FORMED_VERSION, type KeyStore } from './key-store';
import type { Database } from 'better-sqlite3';

/** How many ignored versions of one key are listed before "and N more". */
const LISTED = 8;

function listed(ids: string[]): string {
  const more = ids.length - LISTED;
  return ids.slice(0, LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/**
 * One finding per written key with versions newer than the one Hearth writes under that it
 * cannot show it made (KEY_VERSION_UNPROVEN), naming them and who they are wrapped for; and one
 * per class key with a "newer holder" row naming a version that does not hold it genuinely
 * (KEY_HOLDER_UNPROVEN). `keys`: the checking admin's key store.
 */
export function writtenKeyProblems(
  db: Database,
  keys: KeyStore,
  problems: FindingSink<VaultProblem>,
): void {
  const newest = statement(
    db,
    `SELECT DISTINCT logical FROM key_wraps WHERE (logical GLOB 'personal:*' OR logical GLOB 'session:*'
       OR logical GLOB 'review:*') AND ${WELL_FORMED_VERSION}`,
  ).all() as Array<{ logical: string }>;
  for (const { logical } of newest) {
    if (!isWrittenLogical(logical)) continue;
    const current = keys.currentId(logical);
    const currentVersion = current ? (tryParseKeyId(current)?.version ?? 0) : 0;
    // Newer than the version Hearth writes under, or (older) wrapped for neither a class key nor
    // a later version of itself, as every version Hearth makes is (creation, rotation).
    const ignored = (
      statement(
        db,
        `SELECT version, group_concat(holder, ' ') AS holders,
                sum(holder GLOB 'class:*' OR (holder > @lo AND holder < @hi)) AS kept FROM key_wraps
          WHERE logical = @logical AND ${WELL_FORMED_VERSION} GROUP BY version ORDER BY version DESC`,
      ).all({ logical, lo: `${logical}@`, hi: `${logical}A` }) as Array<{
        version: number;
        holders: string;
        kept: number;
      }>
    )
      .filter(
        (r) =>
          r.version > currentVersion ||
          (r.version !== currentVersion &&
            r.kept === 0 &&
            !(logical.startsWith('personal:') && r.version === 1)),
      )
      .map((r) => `${keyId(logical, r.version)} (wrapped for ${r.holders})`);
    if (ignored.length === 0) continue;
    problems.push({
      kind: 'role',
      id: logical,
      code: 'KEY_VERSION_UNPROVEN',
      values: { key: logical, current: current ?? '(none)', count: ignored.length },
      detail: `has ${ignored.length} version(s) newer than ${current ?? 'any Hearth made'} that Hearth did not make (not wrapped under the current class key, or not the user's own first key): ${listed(ignored)}. Anyone who can write the file can add one, sealed to a user's public key. Hearth never writes under them (it still reads a record that names one). No signer can be named: key rows carry no audit reference. Restore the newest backup (hearth vault restore), or report it.`,
    });
  }
  const classRows = statement(
    db,
    `SELECT DISTINCT logical FROM key_wraps WHERE logical GLOB 'class:*' AND ${WELL_FORMED_VERSION}`,
  ).all() as Array<{ logical: string }>;
  for (const { logical } of classRows) {
    const current = keys.currentId(logical);
    const version = current ? (tryParseKeyId(current)?.version ?? 0) : 0;
    if (version === 0) continue;
    const newer = (
      statement(db, 'SELECT holder FROM key_wraps WHERE logical = ? AND version = ?').all(
        logical,
        version,
      ) as Array<{ holder: string }>
    )
      .map((r) => tryParseKeyId(r.holder))
      .filter((h) => h !== undefined && h.logical === logical && h.version > version)
      .map((h) => keyId(logical, h!.version));
    if (newer.length === 0) continue;
    problems.push({
      kind: 'role',
      id: logical,
      code: 'KEY_HOLDER_UNPROVEN',
      values: { key: current!, holders: newer.join(', ') },
      detail: `${current} is recorded as held by ${listed(newer)}, a newer version that does not hold it genuinely (no certificate, or no wrap that opens to it): put in outside Hearth. Hearth ignores it and keeps using ${current}. No signer can be named: key rows carry no audit reference. Restore the newest backup (hearth vault restore), or report it.`,
    });
  }
}
