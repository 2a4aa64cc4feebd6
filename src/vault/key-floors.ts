// Class key floors (red team 22, RT22-1): a class key version, once established, never goes back.
//
// Which version of a class key is current was decided from clear rows only (its certificate and
// the "old version held by the new one" wrap, key-store.ts newestVouched / supersededByReal):
// a removed user who kept the keys of an old copy deleted the two rows of the version his removal
// made, and every remaining user wrote new cases under the version he still held. Now every
// entry that establishes class key versions (vault.create, users.remove, vault.addKeyClass, and
// `keys.floor` at an admin's sign-in for vaults from before this) commits, in its record
// references (sealed under the chain key, covered by the chain MAC and the author's signature),
// to the current version of every class key: ref `{id: 'keyfloor:<class key>', seq: <version>,
// hash: 'keyfloor'}`. Like any reference it gets a pointer in the audit index, so a sign-in finds
// the newest statement of each class with one pointer and one entry check, never a walk.
// A statement counts only when (1) its entry chains and is signed by a certified admin (only
// admins establish class versions), and (2) no entry of the log is chained under a newer chain
// key than it: every removal rotates the chain key (every role holds it) and states every class
// anew under the new chain key, so a pointer put back from an older copy (naming the statement
// made before the removal) is refused. A write sealed under a class key version below its floor
// is refused (TAMPERED, KEY_VERSION_ROLLED_BACK); a class without a valid statement refuses
// writes until an admin signs in (her sign-in re-derives the floors from the signed log, once)
// or, past that, TAMPERED (KEY_FLOOR_MISSING). Reads use the version a record names, as before.
import type { AuditLog, AuditProblem, AuditRecordRef, SignerLookup } from './audit';
import { HearthError } from './errors';
import { parseKeyId, tryParseKeyId, type KeyStore } from './key-store';
import { classKey, DATA_CLASSES } from './roles';

/** Prefix of a floor reference's id (and of its audit index pointer). */
export const KEY_FLOOR_PREFIX = 'keyfloor:';
/** The `hash` of a floor reference: it names no record. */
export const KEY_FLOOR_HASH = 'keyfloor';
/** The audit action an admin's sign-in writes when the floors of a vault are missing. */
export const KEY_FLOOR_ACTION = 'keys.floor';
/** The audit action of an admin's sign-in giving a vault a class it did not have (LATE_CLASSES). */
export const ADD_KEY_CLASS_ACTION = 'vault.addKeyClass';

/** Whether an audit reference id is a class key floor (not a record). */
export function isFloorRef(id: string): boolean {
  return id.startsWith(KEY_FLOOR_PREFIX);
}

/** The floor reference id of a class key (`keyfloor:class:case`). */
export function floorRefId(logical: string): string {
  return `${KEY_FLOOR_PREFIX}${logical}`;
}

/**
 * The floor references for the current version of every class key this store can name
 * (`floors` may raise a class above its current version: a statement the signed log already
 * made). For the entry that establishes them.
 */
export function floorRefs(
  keys: KeyStore,
  floors: ReadonlyMap<string, number> = new Map(),
): AuditRecordRef[] {
  const refs: AuditRecordRef[] = [];
  for (const dataClass of DATA_CLASSES) {
    const logical = classKey(dataClass);
    const id = keys.currentId(logical);
    const version = Math.max(id ? parseKeyId(id).version : 0, floors.get(logical) ?? 0);
    if (version > 0) refs.push({ id: floorRefId(logical), seq: version, hash: KEY_FLOOR_HASH });
  }
  return refs;
}

/** A class key's floor as the signed log states it, or why it cannot be read. */
export type FloorReading = { version: number; seq: number } | { problem: string };

/**
 * What reading one entry for a floor found (its checked claim, and whether an entry under a newer
 * chain key follows it), shared by the floors of one pass: the nine classes' statements are
 * usually one entry (vault.create's or the last removal's), checked once instead of nine times
 * (perf27: eight Ed25519 verifications and about 40 statements fewer per admin sign-in). Only
 * for readings with no write between them; a new pass starts a new map.
 */
export type FloorEntries = Map<
  number,
  { claim: ReturnType<AuditLog['claimAt']>; newerChain?: boolean }
>;

/**
 * The newest signed statement of a class key's current version (cost: one index pointer, one
 * entry check as `AuditLog.claimAt`, one pass over the epochs, cached by the log; the entry check
 * and the epochs question once per entry for the readings that share `entries`).
 */
export function readFloor(
  audit: AuditLog,
  lookup: SignerLookup,
  logical: string,
  entries?: FloorEntries,
): FloorReading {
  const id = floorRefId(logical);
  const seq = audit.indexedEntry(id);
  if (seq === undefined) return { problem: `the audit index has no pointer ${id} (deleted)` };
  const entry = entries?.get(seq) ?? { claim: audit.claimAt(seq, lookup) };
  entries?.set(seq, entry);
  const { claim } = entry;
  if (!claim) return { problem: `audit entry ${seq}, named by ${id}, does not verify` };
  if (claim.role !== 'admin')
    return { problem: `audit entry ${seq}, named by ${id}, is not signed by a certified admin` };
  const ref = claim.refs.find((r) => r.id === id && r.hash === KEY_FLOOR_HASH);
  if (!ref || !Number.isSafeInteger(ref.seq) || ref.seq < 1)
    return { problem: `audit entry ${seq}, named by ${id}, states no version of ${logical}` };
  entry.newerChain ??= audit.newerChainAfter(seq);
  if (entry.newerChain)
    return {
      problem: `audit entry ${seq}, named by ${id}, is older than an entry under a newer chain key (a pointer put back from an older copy)`,
    };
  return { version: ref.seq, seq };
}

/**
 * The class key versions the signed log states, from one walk (an admin's sign-in, only when a
 * floor pointer is missing or fails: the upgrade of a vault from before floors, or after the
 * pointers were deleted): per class, the newest version named by a floor reference of a
 * certified admin's entry or by a `users.remove` entry's `rotated` list (admins read it).
 */
export function statedFloors(audit: AuditLog, lookup: SignerLookup): StatedFloors {
  const floors = new Map<string, number>();
  const unreadable = new Set<number>();
  const raise = (logical: string, version: number) => {
    if (version > (floors.get(logical) ?? 0)) floors.set(logical, version);
  };
  const problems = audit.walk(
    (seq, records, body, _signer, signerRole) => {
      // An entry that does not open may be exactly the statement that matters (red team 24,
      // R24-4: one flipped byte in a removal's entry, and the re-derived floor went back to
      // vault.create's class:case@1). Never skipped: the caller refuses to state anything.
      if (body === undefined || records === undefined) unreadable.add(seq);
      if (signerRole !== 'admin') return;
      // A class an admin's entry made exists from version 1 on, even if no floor names it yet
      // (red team 23, R23-2: a class deleted outside Hearth must never look "not added yet").
      if (body?.action === ADD_KEY_CLASS_ACTION && body.target?.startsWith('class:'))
        raise(body.target, 1);
      for (const ref of records ?? [])
        if (isFloorRef(ref.id) && ref.hash === KEY_FLOOR_HASH && Number.isSafeInteger(ref.seq))
          raise(ref.id.slice(KEY_FLOOR_PREFIX.length), ref.seq);
      const rotated = body?.action === 'users.remove' ? body.detail?.rotated : undefined;
      if (typeof rotated === 'string')
        for (const keyIdText of rotated.split(',')) {
          const parsed = tryParseKeyId(keyIdText);
          if (parsed?.logical.startsWith('class:')) raise(parsed.logical, parsed.version);
        }
    },
    undefined,
    5000,
    { lookup, authorship: audit.newAuthorship() },
  );
  // A chain or gap problem too (an entry deleted or edited), a signature that does not verify
  // (R25-A), and one missing or by an uncertified key after a vouched start (blocksDerivation).
  for (const problem of problems) if (blocksDerivation(problem)) unreadable.add(problem.seq);
  return { floors, unreadable: [...unreadable].sort((a, b) => a - b) };
}

/**
 * Whether a walk problem stops a derivation from the log: a chain, gap or content problem does,
 * and so does a signature that does not verify (verify24, R25-A: one flipped signature byte on
 * the removal's entry, and the admin's sign-in re-derived class:case@1 from vault.create), and
 * (sec54) a signature that is missing or by a key the centre has not certified on an entry at or
 * after a start of signed audit the centre vouches for (`signatureUnexcused`: the removal's
 * signer and signature set to NULL, or the entry re-signed with a made-up key, made it look
 * "no admin's", and the walk skipped it). Whether an entry lies after the start is decided only
 * from the centre's commitment or signed statement (`AuditAuthorship.startVouched`), never from
 * the cleartext column: a column moved outside Hearth makes genuine legacy entries look unsigned,
 * and the admin must still be able to sign in and confirm the start from a backup
 * (centre-rollback R6-2). An export-start finding does not block.
 */
export function blocksDerivation(problem: AuditProblem): boolean {
  if (problem.signature === true)
    return problem.signatureAltered === true || problem.signatureUnexcused === true;
  // An entry of the wrong storage type (R24-9) was not read at all: it may be the removal.
  return problem.code === undefined || problem.code === 'AUDIT_ROW_MALFORMED';
}

/**
 * The stricter rule of walks whose fail-closed answer costs no write (sec54): every authorship
 * problem counts, whether or not the start of signed audit is vouched. `classesMadeInLog` then
 * counts every class as made (a never-made late class waits for a restore rather than a wider
 * key being used), and the removal's reveal walk rotates every blind allegation key. A genuine
 * log (legacy entries before an honest start) has no authorship problem, so nothing changes there.
 */
export function blocksFailClosed(problem: AuditProblem): boolean {
  return problem.signature === true || blocksDerivation(problem);
}

/**
 * What one walk of the signed log states (`statedFloors`): the floors, and the entries that did
 * not open or verify. With any such entry the floors are not a sound lower bound: a caller must
 * not state or act on them (`floorWalkError`).
 */
export interface StatedFloors {
  floors: Map<string, number>;
  unreadable: number[];
}

/**
 * The error for a write under a class key whose floor cannot be read and whose re-derivation
 * met entries that do not verify (R24-4): TAMPERED, naming them, reason KEY_FLOOR_UNVERIFIABLE.
 */
export function floorWalkError(logical: string, unreadable: readonly number[]): HearthError {
  const named = unreadable.slice(0, 10).join(', ') + (unreadable.length > 10 ? ', ...' : '');
  return new HearthError(
    'TAMPERED',
    `Hearth will not write under ${logical}: the signed statement of its current version cannot be read, and audit ${unreadable.length === 1 ? 'entry' : 'entries'} ${named} of the signed log ${unreadable.length === 1 ? 'does' : 'do'} not verify (edited or deleted outside Hearth), so the version cannot be derived again: such an entry may be the removal that replaced it. Nothing was written. Reading older records still works. An admin runs a vault check (hearth vault check) and restores the newest backup (hearth vault restore).`,
    { reason: 'KEY_FLOOR_UNVERIFIABLE' },
  );
}

/**
 * The floors the newest signed statements name, per class key (cost: one `readFloor` per data
 * class; a class whose statement cannot be read is left out). Merged into every new statement, so
 * a signed floor never goes below one already signed (red team 23, R23-2: a statement made from
 * clear rows an attacker had rolled back stated class:case@1 over a signed class:case@2).
 */
export function signedFloorsNow(audit: AuditLog, lookup: SignerLookup): Map<string, number> {
  const floors = new Map<string, number>();
  const entries: FloorEntries = new Map();
  for (const dataClass of DATA_CLASSES) {
    const logical = classKey(dataClass);
    const floor = readFloor(audit, lookup, logical, entries);
    if ('version' in floor) floors.set(logical, floor.version);
  }
  return floors;
}

/** The higher of two floor maps, per class. */
export function higherFloors(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map(a);
  for (const [logical, version] of b)
    if (version > (out.get(logical) ?? 0)) out.set(logical, version);
  return out;
}

/** The error for a write under a class key version older than its signed floor. */
export function rolledBackError(logical: string, version: number, floor: number): HearthError {
  return new HearthError(
    'TAMPERED',
    `Hearth will not write under ${logical}@${version}: the signed audit log says ${logical}@${floor} replaced it (a removal rotated it), and that version's certificate or key rows were deleted outside Hearth. Nothing was written. Reading older records still works. An admin runs a vault check (hearth vault check) and restores the newest backup (hearth vault restore).`,
    { reason: 'KEY_VERSION_ROLLED_BACK' },
  );
}

/** The error for a write under a class key whose floor statement cannot be read. */
export function floorMissingError(logical: string, admin: boolean): HearthError {
  return admin
    ? new HearthError(
        'TAMPERED',
        `Hearth will not write under ${logical}: the signed statement of its current version cannot be read (its audit index pointer was deleted or edited outside Hearth). Nothing was written. Run a vault check (hearth vault check) and restore the newest backup (hearth vault restore).`,
        { reason: 'KEY_FLOOR_MISSING' },
      )
    : new HearthError(
        'FORBIDDEN',
        // Not "an admin signs in first" alone (verify24): when the admin's own sign-in was
        // refused (KEY_FLOOR_UNVERIFIABLE) that advice was a dead end; the check and the backup
        // are the way out either way.
        `Hearth will not write under ${logical} yet: the signed statement of its current version cannot be read (an index edited outside Hearth, or a vault from before this version of Hearth). Nothing was written. Ask an admin to sign in (that reads it again from the signed audit log); if Hearth refuses the admin too, the admin runs a vault check (hearth vault check) and restores the newest backup (hearth vault restore).`,
        { reason: 'KEY_FLOOR_MISSING' },
      );
}

/**
 * The class keys the signed log says were made (red team 24, R24-2): any class named by a floor
 * reference of an entry signed by a certified admin (vault.create, users.remove, keys.floor,
 * vault.addKeyClass all carry them). Read from record references only (sealed under the chain
 * key every role holds), so any signed-in user can ask. `complete` is false when an entry's
 * references did not open or the walk found a chain, gap or signature problem: the caller then
 * treats every class as made (fail closed: that entry may be the one that made it). One walk.
 */
export function classesMadeInLog(
  audit: AuditLog,
  lookup: SignerLookup,
): { made: Set<string>; complete: boolean } {
  const made = new Set<string>();
  let complete = true;
  const problems = audit.walk(
    (_seq, records, _body, _signer, signerRole) => {
      if (records === undefined) complete = false;
      if (signerRole !== 'admin') return;
      for (const ref of records ?? [])
        if (isFloorRef(ref.id) && ref.hash === KEY_FLOOR_HASH)
          made.add(ref.id.slice(KEY_FLOOR_PREFIX.length));
    },
    undefined,
    5000,
    { lookup, authorship: audit.newAuthorship() },
  );
  if (problems.some(blocksFailClosed)) complete = false;
  return { made, complete };
}
