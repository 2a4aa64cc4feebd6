// What a removal must rotate, decided from signed policy, not from clear rows (red team 24,
// R24-11/R24-12). `users.remove` used to rotate what the removed user's key *rows* held
// (`key_wraps WHERE holder = ?`, answered through `key_wraps_by_holder`): one deleted row, or
// that index rebuilt (no key) to leave a row out, and class:case was never rotated, so the
// removed user read every case made afterwards with the keys of a copy he kept. Now the removal
// rotates, whatever rows are present:
// - every class key the user's role reaches (roles.ts `classesOf`), for the role of the profile
//   and every role a centre certificate ever gave the user (a role edited in the file widens,
//   never narrows, what is rotated);
// - every allegation key of a blind case the signed log says was revealed to the user
//   (`cases.revealAllegationTo`, detail.to); when the log walk meets an entry it cannot read
//   (it may be exactly that reveal), every blind allegation key (wrapped under class:staff) is
//   rotated instead: fail closed, never skip (R24-4's kind).
// Rows are read by table scan (`NOT INDEXED`), never through a secondary index a keyless
// attacker can rebuild. vault check compares each removal's signed `rotated` list with the
// role's classes (check-removal-coverage.ts).
import type { AuditLog, SignerLookup } from './audit';
import { blocksFailClosed } from './key-floors';
import { parseKeyId, type KeyId, type KeyStore } from './key-store';
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import { classesOf, classKey, ROLES, type Role } from './roles';

/** The audit action of revealing a blind case's allegation to one user (cases.ts). */
export const REVEAL_ACTION = 'cases.revealAllegationTo';

/** The allegation key's logical name of a case (as cases.ts names it). */
function allegationLogical(caseId: string): string {
  return `allegation:${caseId}`;
}

/** The roles whose classes a removal rotates: the profile's, plus every certified one. */
export function removalRoles(
  profileRole: Role,
  certified: ReadonlySet<string> | undefined,
): Role[] {
  const roles = new Set<Role>([profileRole]);
  for (const r of certified ?? [])
    if ((ROLES as readonly string[]).includes(r)) roles.add(r as Role);
  return [...roles];
}

/**
 * The current class key versions the roles reach (absent classes, e.g. a late class not yet
 * made, are left out: there is nothing to rotate).
 */
export function roleClassKeys(keys: KeyStore, roles: readonly Role[]): KeyId[] {
  const out = new Set<KeyId>();
  for (const role of roles)
    for (const dataClass of classesOf(role)) {
      const id = keys.currentId(classKey(dataClass));
      if (id !== undefined) out.add(id);
    }
  return [...out];
}

/**
 * The current allegation keys revealed to `username` per the signed log (one walk of the log;
 * a removal is rare). `complete` is false when an entry did not open or verify: the caller then
 * rotates every blind allegation key (`blindAllegationKeys`).
 */
export function revealedAllegationKeys(
  audit: AuditLog,
  lookup: SignerLookup,
  keys: KeyStore,
  username: string,
): { ids: KeyId[]; complete: boolean } {
  const cases = new Set<string>();
  let complete = true;
  const problems = audit.walk(
    (_seq, _records, body) => {
      if (!body) {
        complete = false;
        return;
      }
      if (
        body.action === REVEAL_ACTION &&
        body.detail?.to === username &&
        typeof body.target === 'string'
      )
        cases.add(body.target);
    },
    undefined,
    5000,
    { lookup, authorship: audit.newAuthorship() },
  );
  if (problems.some(blocksFailClosed)) complete = false;
  const ids: KeyId[] = [];
  for (const caseId of cases) {
    const id = keys.currentId(allegationLogical(caseId));
    if (id !== undefined) ids.push(id);
  }
  return { ids, complete };
}

/** Every current allegation key of a blind case (one wrapped under a class:staff version); table scan. */
export function blindAllegationKeys(db: Database, keys: KeyStore): KeyId[] {
  const rows = statement(
    db,
    `SELECT DISTINCT logical FROM key_wraps NOT INDEXED
      WHERE logical GLOB 'allegation:*' AND holder GLOB 'class:staff@*'`,
  ).all() as Array<{ logical: string }>;
  const out: KeyId[] = [];
  for (const { logical } of rows) {
    const id = keys.currentId(logical);
    if (id !== undefined) out.push(id);
  }
  return out;
}

/** The logical names of a set of key ids (for messages and tests). */
export function logicalNames(ids: Iterable<KeyId>): string[] {
  return [...new Set([...ids].map((id) => parseKeyId(id).logical))].sort();
}
