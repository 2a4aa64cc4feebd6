// The key hierarchy (DESIGN.md "The vault"). Every key is 32 random bytes stored only wrapped
// under another key, in `key_wraps` rows (key '<logical>@<version>', holder key id). A key slot
// unwraps one user key; from there a user reaches exactly the keys wrapped, directly or through
// other keys, under it. A holder with a row in `public_keys` is an X25519 key: anyone can wrap
// for it (a sealed box), only those who hold its secret half can unwrap. That is how every user
// can append to the audit log and wrap a new user's key for the recovery kit without being able
// to read either.
import type { Database } from 'better-sqlite3';
import {
  aeadDecrypt,
  aeadEncrypt,
  boxKeyPairFromSecret,
  constantTimeEqual,
  CryptoError,
  openSealed,
  randomBytes,
  sealTo,
  wipe,
} from '../crypto';
import { statement } from './db';
import { blob, canonicalTuple, toHex } from './encoding';
import { HearthError } from './errors';
import { KeyJournal } from './key-journal';
import {
  commitmentOf,
  isVouchedLogical,
  isWrittenLogical,
  keyMatches,
  needsCustody,
  type KeyCertBook,
  type KeyCommitment,
} from './key-certs';

/** '<logical>@<version>', e.g. 'class:case@2', 'session:sess_…@1'. */
export type KeyId = string;

export function keyId(logical: string, version: number): KeyId {
  return `${logical}@${version}`;
}

/**
 * The logical name and version of a key id, or undefined when it is malformed (a version that is
 * not a whole number from 1, or no logical name): such a value was put in the file outside Hearth.
 */
export function tryParseKeyId(id: unknown): { logical: string; version: number } | undefined {
  if (typeof id !== 'string') return undefined;
  const at = id.lastIndexOf('@');
  const text = id.slice(at + 1);
  const version = Number(text);
  if (at <= 0 || !/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(version)) return undefined;
  return { logical: id.slice(0, at), version };
}

/**
 * The SQL expression for the case id a version-1 allegation key id names, read as tryParseKeyId
 * reads it: the text between 'allegation:' (11 characters) and the LAST '@'. Only for ids the
 * caller has already required to end in '@1' (so the last '@' is the one two characters from the
 * end). Red team 18, R18-3: the filter read up to the FIRST '@', so `allegation:<case>@0x@1`
 * passed it as a real case while the parser saw case `<case>@0x` and walked the whole log. One
 * definition, kept next to the parser, so the two cannot disagree again. `column`: a trusted
 * column name (never user input).
 */
export const allegationV1CaseSql = (column: string): string =>
  `substr(${column}, 12, length(${column}) - 13)`;

/** Like tryParseKeyId, but a malformed id is TAMPERED, with a next step that needs no sign-in. */
export function parseKeyId(id: KeyId): { logical: string; version: number } {
  const parsed = tryParseKeyId(id);
  if (!parsed)
    throw new HearthError(
      'TAMPERED',
      'A key reference in the vault is malformed: it was edited outside Hearth. Restore the newest backup (hearth vault restore) and report it.',
    );
  return parsed;
}

/** The largest key version: a JavaScript number holds every whole number up to it exactly. */
export const MAX_KEY_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * The SQL condition a `key_wraps` row's version must meet to be read at all (red team 15, R15-5:
 * one clear row with version 1.5 made every sign-in fail, so `vault check`, which names it as
 * KEY_ROW_MALFORMED, could not run). Red team 16, R16-3: an INTEGER above 2^53 passed, was read
 * as an inexact number, and its key id failed to parse at every sign-in; the upper bound keeps
 * every version a key id can carry. Malformed rows are ignored, never used.
 */
export const WELL_FORMED_VERSION = `typeof(version) = 'integer' AND version >= 1 AND version <= ${MAX_KEY_VERSION}`;

/**
 * The bound R19-4 set (a sign-in checked up to this many invalid certificates per key, then was
 * TAMPERED). Since R20-4 the budget is JUNK_CHECKS_PER_KEY / JUNK_CHECKS_PER_SIGN_IN and past it
 * the version is found from below; kept as the junk count tests use to show that.
 */
export const MAX_UNVERIFIED_NEWER = 1_000;

/**
 * The junk budget of `currentId` for a vouched key (red team 20, R20-4): how many invalid
 * certificates of versions newer than the newest valid one it checks, newest first, per key and
 * in all per sign-in (each a signature check), before it finds the current version from below
 * instead (`walkVouched`). Hearth itself never leaves an invalid one.
 */
export const JUNK_CHECKS_PER_KEY = 8;
export const JUNK_CHECKS_PER_SIGN_IN = 48;

/**
 * How many versions of a session key `currentId` tries, newest first, for one Hearth made
 * (R20-1); each costs one authenticated decryption. More junk versions than that on top of the
 * real one make the real one unfindable: the key then has no version to write under.
 */
export const MAX_WRITTEN_CANDIDATES = 64;

/** How many "newer holder" rows of a certified version `currentId` examines (R20-3). */
export const MAX_SUPERSEDING = 8;

/**
 * Parameters for idOfLogicalSql / idVersionSql: `logical`, and the bounds of the ids that start
 * with '<logical>@' ('@' and 'A' are adjacent, so the range holds exactly those ids and is
 * answered by a primary key index).
 */
function idRange(logical: string): { logical: string; lo: string; hi: string } {
  return { logical, lo: `${logical}@`, hi: `${logical}A` };
}

/**
 * SQL: the text after '<@logical>@' in a key-id column (a trusted column name, never input).
 */
const idTailSql = (column: string): string => `substr(${column}, length(@logical) + 2)`;

/**
 * SQL condition: the key id in `column` is '<@logical>@<version>' with a version tryParseKeyId
 * accepts (digits, no leading zero, at most MAX_KEY_VERSION). Same reading as tryParseKeyId: the
 * last '@' splits, so 'user:a@b@1' (logical 'user:a@b') is not a version of 'user:a'.
 */
const idOfLogicalSql = (column: string): string =>
  `${column} > @lo AND ${column} < @hi AND ${idTailSql(column)} GLOB '[1-9]*'
   AND ${idTailSql(column)} NOT GLOB '*[^0-9]*' AND length(${idTailSql(column)}) <= 16
   AND CAST(${idTailSql(column)} AS INTEGER) <= ${MAX_KEY_VERSION}`;

/** SQL: the version of the key id in `column` (only where idOfLogicalSql holds). */
const idVersionSql = (column: string): string => `CAST(${idTailSql(column)} AS INTEGER)`;

/**
 * SQL condition on a `key_wraps` row aliased `w`: its holder is a well-formed key id (text after
 * the LAST '@' is a version tryParseKeyId accepts: digits, no leading zero, at most 16 of them,
 * at most MAX_KEY_VERSION, and a logical name before it) of a key the vault has: a wrap of that
 * holder version, its public half, or a key slot holding it.
 */
const HOLDER_STEM_SQL = `rtrim(w.holder, '0123456789')`;
const HOLDER_VERSION_SQL = `substr(w.holder, length(${HOLDER_STEM_SQL}) + 1)`;
const HOLDER_IS_KEY_SQL = `length(${HOLDER_STEM_SQL}) > 1 AND substr(${HOLDER_STEM_SQL}, -1) = '@'
  AND ${HOLDER_VERSION_SQL} GLOB '[1-9]*' AND length(${HOLDER_VERSION_SQL}) <= 16
  AND CAST(${HOLDER_VERSION_SQL} AS INTEGER) <= ${MAX_KEY_VERSION}
  AND (EXISTS (SELECT 1 FROM key_wraps h
               WHERE h.logical = substr(${HOLDER_STEM_SQL}, 1, length(${HOLDER_STEM_SQL}) - 1)
                 AND h.version = CAST(${HOLDER_VERSION_SQL} AS INTEGER))
       OR EXISTS (SELECT 1 FROM public_keys p WHERE p.key_id = w.holder)
       OR EXISTS (SELECT 1 FROM key_slots s WHERE s.key_id = w.holder))`;

interface WrapRow {
  holder: string;
  nonce: Buffer;
  wrapped_key: Buffer;
}

/** Wrap rows whose holder is a well-formed key id (a malformed one is ignored: R15-5). */
function wellFormedHolders<T extends { holder: string }>(rows: T[]): T[] {
  return rows.filter((r) => tryParseKeyId(r.holder) !== undefined);
}

const SEALED_NONCE = Buffer.alloc(0);
const KEY_BYTES = 32;

function noAccess(): HearthError {
  return new HearthError(
    'FORBIDDEN',
    'Your key does not open this data: your role does not allow it, or it was not shared with you.',
  );
}

export class KeyStore {
  /** Keys this sign-in has unwrapped (or created), by id; wiped on lock. */
  private readonly opened = new Map<KeyId, Uint8Array>();
  /** Ids this sign-in tried and cannot reach; forgotten whenever wraps change. */
  private readonly unreachable = new Set<KeyId>();
  private readonly currentIds = new Map<string, KeyId | null>();
  private readonly vaultIdHex: string;
  /**
   * Key certificates (key-certs.ts, sec28). While set, a version of a vouched logical key
   * (class, recovery, user) is used only with a valid certificate and only if it matches it.
   * Unset while a vault is created (its centre key does not exist yet), in a vault from before
   * sec28 until an admin signs in, and in raw tools.
   */
  private book: KeyCertBook | undefined;
  /** Vouched versions this process created and has not certified yet, with their commitments. */
  private readonly fresh = new Map<KeyId, KeyCommitment>();
  /** Keys forgotten by vouchWith, wiped at lock. */
  private readonly retired: Uint8Array[] = [];
  /** What an open transaction changed in memory, taken back if it rolls back (R26-1). */
  private readonly journal = new KeyJournal<{
    fresh: Map<KeyId, KeyCommitment>;
    book: KeyCertBook | undefined;
    floorOf: KeyStore['floorOf'];
    floorErrors: KeyStore['floorErrors'];
    madeInLog: KeyStore['madeInLog'];
  }>();

  constructor(
    private readonly db: Database,
    vaultId: Uint8Array,
  ) {
    this.vaultIdHex = toHex(vaultId);
  }

  private ad(id: KeyId, holder: KeyId): Uint8Array {
    return canonicalTuple('hearth.keywrap.v1', this.vaultIdHex, id, holder);
  }

  /**
   * Starts (or stops, with undefined) requiring key certificates. Every key opened so far is
   * forgotten except `keep` (the key from the slot), so each is opened again under the rule.
   * Not wiped yet: the audit log may still use the same bytes (its epoch and chain keys); they
   * are wiped with the rest at lock.
   */
  vouchWith(book: KeyCertBook | undefined, keep: KeyId[]): void {
    this.book = book;
    for (const [id, key] of [...this.opened]) {
      if (keep.includes(id)) continue;
      this.retired.push(key);
      this.journal.noteChange(id, key);
      this.opened.delete(id);
    }
    this.forgetLookups();
  }

  /** The certificate book in force, if any. */
  get certBook(): KeyCertBook | undefined {
    return this.book;
  }

  /**
   * What a key version must match: undefined when no rule applies (not a vouched key, or no
   * book), null when it is a vouched key without a valid certificate (never used).
   */
  expectedCommitment(id: KeyId): KeyCommitment | null | undefined {
    const fresh = this.fresh.get(id);
    if (fresh) return fresh;
    if (!this.book || !isVouchedLogical(parseKeyId(id).logical)) return undefined;
    return this.book.commitment(id) ?? null;
  }

  /** Whether this process made key versions not yet certified (`takeFresh` would return some). */
  hasFresh(): boolean {
    return this.fresh.size > 0;
  }

  /** The vouched versions this process created and has not yet certified (and forgets them). */
  takeFresh(): Array<{ id: KeyId; commitment: KeyCommitment }> {
    const out = [...this.fresh].map(([id, commitment]) => ({ id, commitment }));
    this.fresh.clear();
    return out;
  }

  /**
   * Red team 22, RT22-1: the floor of each class key (key-floors.ts), set at sign-in: the
   * version the signed audit log says is current, or why it cannot be read. Undefined: no
   * floors (a vault without certificates in force, vault creation).
   */
  private floorOf: ((logical: string) => { version: number } | { problem: string }) | undefined;
  private floorErrors:
    | {
        rolledBack: (logical: string, version: number, floor: number) => Error;
        missing: (logical: string) => Error;
      }
    | undefined;

  /** Installs the class key floors of this sign-in (see floorOf); cached by the caller. */
  setFloors(
    floorOf: ((logical: string) => { version: number } | { problem: string }) | undefined,
    errors?: {
      rolledBack: (logical: string, version: number, floor: number) => Error;
      missing: (logical: string) => Error;
    },
  ): void {
    this.floorOf = floorOf;
    this.floorErrors = errors;
  }

  /**
   * Throws unless this sign-in may seal something new under the current version of `logical`
   * (RT22-1): for a class key, its current version must not be below the floor the signed log
   * states; for a key Hearth keeps under class keys (session, review, allegation keys), none
   * of the class keys holding one of its versions may be below its floor (they prove which
   * version is written under, `newestProvenWritten`). Reads never call this.
   */
  assertWritable(logical: string): void {
    if (!this.floorOf || !this.floorErrors) return;
    const classes = logical.startsWith('class:')
      ? [logical]
      : [
          ...new Set(
            (
              statement(
                this.db,
                `SELECT DISTINCT holder FROM key_wraps WHERE logical = ? AND holder GLOB 'class:*'`,
              ).all(logical) as Array<{ holder: string }>
            )
              .map((r) => tryParseKeyId(r.holder)?.logical)
              .filter((l): l is string => l !== undefined),
          ),
        ];
    for (const cls of classes) {
      const id = this.currentId(cls);
      if (!id) continue;
      const floor = this.floorOf(cls);
      if ('problem' in floor) throw this.floorErrors.missing(cls);
      const { version } = parseKeyId(id);
      if (version < floor.version) throw this.floorErrors.rolledBack(cls, version, floor.version);
    }
  }

  /**
   * Whether a class key was ever made in this vault (red team 22, RT22-3): a wrap or certificate
   * row of any version, a record sealed under it, or a signed statement of its version (the
   * floor, key-floors.ts). Only a class none of these shows is "not added yet" (a late class in
   * a vault from before it); any other without a usable version was damaged outside Hearth.
   */
  classEverMade(logical: string): boolean {
    if (this.oldestId(logical) !== undefined) return true;
    const range = idRange(logical);
    if (statement(this.db, `SELECT 1 FROM key_certs WHERE ${idOfLogicalSql('key_id')} LIMIT 1`).get(range))
      return true;
    if (
      statement(this.db, 'SELECT 1 FROM records WHERE key_ref >= @lo AND key_ref < @hi LIMIT 1').get({
        lo: range.lo,
        hi: range.hi,
      })
    )
      return true;
    const floor = this.floorOf?.(logical);
    if (floor !== undefined && 'version' in floor) return true;
    // Rows, records and the floor pointer can all be deleted without a key (red team 24, R24-2):
    // the signed log decides last (one walk per sign-in, only when all of those are absent).
    return this.madeInLog?.(logical) === true;
  }

  /** Whether the signed log says a class key was made (installed at sign-in; see classEverMade). */
  private madeInLog: ((logical: string) => boolean) | undefined;

  /** Installs the signed log's answer to "was this class ever made" for this sign-in. */
  setMadeInLog(madeInLog: ((logical: string) => boolean) | undefined): void {
    this.madeInLog = madeInLog;
  }

  /**
   * The current version of a class key, or undefined when it was never made (`classEverMade`:
   * the caller may then keep its data where it was before the class existed). A class that was
   * made but has no version with a valid certificate (its certificate deleted outside Hearth) is
   * TAMPERED: never a fall back to a wider key (red team 22, RT22-3: a deleted
   * `class:training@1` certificate sent trainer reviews back under the practice session key).
   */
  currentClassOrAbsent(logical: string): KeyId | undefined {
    const id = this.currentId(logical);
    if (id !== undefined || !this.classEverMade(logical)) return id;
    throw new HearthError(
      'TAMPERED',
      `The key ${logical} exists in this vault, but no version of it has a valid certificate from the centre key (its certificate was deleted or changed outside Hearth). Hearth will not put this data under a key more people hold: nothing was saved. An admin runs a vault check (hearth vault check) and restores the newest backup (hearth vault restore).`,
      { reason: 'CLASS_KEY_UNUSABLE' },
    );
  }

  /** Puts a key this sign-in already has (a user key from its slot) into the store; takes ownership. */
  hold(id: KeyId, key: Uint8Array): void {
    this.journal.noteChange(id, this.opened.get(id));
    this.opened.set(id, key);
    this.unreachable.delete(id);
  }

  /**
   * The newest version's id of a logical key, or undefined when it has none (or was shredded).
   * Red team 19, R19-4: computed in SQL (a few statements of one row each, index lookups), never
   * by reading every version into memory: 200,000 junk wrap rows put in outside Hearth (no key
   * needed) made every sign-in slow, then fail with "Maximum call stack size exceeded" from a
   * spread into Math.max.
   */
  currentId(logical: string): KeyId | undefined {
    if (!this.currentIds.has(logical)) {
      const v =
        this.book && isVouchedLogical(logical)
          ? this.newestVouched(logical)
          : isWrittenLogical(logical)
            ? this.newestProvenWritten(logical)
            : Math.max(this.newestStored(logical), this.newestPublic(logical));
      this.currentIds.set(logical, v === 0 ? null : keyId(logical, v));
    }
    return this.currentIds.get(logical) ?? undefined;
  }

  /**
   * The version of a per-user (`personal:`) or per-session (`session:`) data key that Hearth
   * writes under (red team 20, R20-1, R20-2): the newest version it can show it made, never
   * simply the newest stored one (0: none). Anyone can add a "newer" version sealed to a user's
   * public key, so:
   * - `personal:<user>`: version 1, made with the user (vault creation, users.add); Hearth never
   *   makes another (a removal shreds it, a passphrase change moves its wrap).
   * - `session:<id>` and `review:<session>` (R21-4): the newest version wrapped, by a wrap that authenticates, under the
   *   CURRENT version of a class key (`provenSessionVersion`): only a holder of that class key
   *   can make such a wrap, and a removal rotates the class key and these keys together. A
   *   version this sign-in cannot judge (it reaches no such class key) is taken as is: it cannot
   *   write under it anyway.
   * Other versions are never written under (still read, by the version a record names);
   * `vault check` names them (check-written-keys.ts). At most MAX_WRITTEN_CANDIDATES versions
   * are tried, newest first (each costs one authenticated decryption).
   */
  private newestProvenWritten(logical: string): number {
    if (logical.startsWith('personal:'))
      return statement(
        this.db,
        'SELECT 1 FROM key_wraps WHERE logical = ? AND version = 1 LIMIT 1',
      ).get(logical) === undefined
        ? 0
        : 1;
    // First the versions wrapped under a current class key this sign-in holds, newest first,
    // however many there are (red team 21, R21-1: 64 planted versions wrapped only under a class
    // key the interviewer lacks pushed the real version out of a newest-64 window, and the
    // newest unjudged one was written under). Each junk row here costs one failed authenticated
    // decryption. A sign-in that holds such a class key writes only under a version it proved.
    const held = this.heldCurrentClassHolders(logical);
    if (held.length > 0) {
      const rows = statement(
        this.db,
        `SELECT DISTINCT version AS v FROM key_wraps WHERE logical = ?
           AND holder IN (SELECT value FROM json_each(?)) AND ${WELL_FORMED_VERSION}
           ORDER BY version DESC`,
      ).iterate(logical, JSON.stringify(held)) as IterableIterator<{ v: number }>;
      for (const { v } of rows)
        if (this.provenSessionVersion(keyId(logical, v)) === 'yes') return v;
      return 0;
    }
    const candidates = statement(
      this.db,
      `SELECT DISTINCT version AS v FROM key_wraps WHERE logical = ? AND holder GLOB 'class:*'
         AND ${WELL_FORMED_VERSION} ORDER BY version DESC LIMIT ${MAX_WRITTEN_CANDIDATES}`,
    ).all(logical) as Array<{ v: number }>;
    let unjudged = 0;
    for (const { v } of candidates) {
      const proof = this.provenSessionVersion(keyId(logical, v));
      if (proof === 'yes') return v;
      if (proof === 'unknown' && unjudged === 0) unjudged = v;
    }
    return unjudged;
  }

  /**
   * The class-key ids that hold some version of `logical`, are the current version of their
   * class and open for this sign-in (R21-1): the wraps a written key's version can be proved by.
   */
  private heldCurrentClassHolders(logical: string): string[] {
    const holders = statement(
      this.db,
      `SELECT DISTINCT holder FROM key_wraps WHERE logical = ? AND holder GLOB 'class:*'`,
    ).all(logical) as Array<{ holder: string }>;
    const held: string[] = [];
    for (const { holder } of holders) {
      let parsed: { logical: string };
      try {
        parsed = parseKeyId(holder);
      } catch {
        continue;
      }
      if (this.currentId(parsed.logical) !== holder || this.publicKey(holder)) continue;
      if (this.tryKey(holder, new Set())) held.push(holder);
    }
    return held;
  }

  /**
   * Whether a version of a written key (R20-1) is one Hearth made: 'yes' when one of its wraps
   * under the current version of a class key (a symmetric key: the wrap authenticates only if
   * made with it) opens for this sign-in; 'no' when this sign-in reaches such a class key but
   * none of those wraps opens with it; 'unknown' when it reaches none. For vault check too.
   */
  provenSessionVersion(id: KeyId): 'yes' | 'no' | 'unknown' {
    const { logical, version } = parseKeyId(id);
    const rows = wellFormedHolders(
      statement(
        this.db,
        `SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ?
           AND holder GLOB 'class:*' ORDER BY holder`,
      ).all(logical, version) as WrapRow[],
    );
    let judged = false;
    for (const row of rows) {
      const holder = parseKeyId(row.holder);
      if (this.currentId(holder.logical) !== row.holder || this.publicKey(row.holder)) continue;
      const holderKey = this.tryKey(row.holder, new Set());
      if (!holderKey) continue;
      judged = true;
      try {
        wipe(this.unwrap(id, row, holderKey));
        return 'yes';
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
      }
    }
    return judged ? 'no' : 'unknown';
  }

  /** The newest well-formed version of a logical key with a wrap row (0: none). One index seek. */
  private newestStored(logical: string): number {
    const row = statement(
      this.db,
      `SELECT max(version) AS v FROM key_wraps WHERE logical = ? AND ${WELL_FORMED_VERSION}`,
    ).get(logical) as { v: number | null };
    return row.v ?? 0;
  }

  /**
   * The newest version of a logical key with a public half (0: none). A key held only by a slot
   * (the recovery key pair) has no wrap row, but a public half. A malformed key id there (or
   * another logical name in the range) is ignored (R15-5).
   */
  private newestPublic(logical: string): number {
    const row = statement(
      this.db,
      `SELECT max(${idVersionSql('key_id')}) AS v FROM public_keys WHERE ${idOfLogicalSql('key_id')}`,
    ).get(idRange(logical)) as { v: number | null };
    return row.v ?? 0;
  }

  /** The oldest well-formed version of a logical key with a wrap row, or undefined. */
  oldestId(logical: string): KeyId | undefined {
    const row = statement(
      this.db,
      `SELECT min(version) AS v FROM key_wraps WHERE logical = ? AND ${WELL_FORMED_VERSION}`,
    ).get(logical) as { v: number | null };
    return row.v === null ? undefined : keyId(logical, row.v);
  }

  /**
   * The newest version of a vouched logical key that has a valid certificate (0: none). A newer
   * version someone put in without one is ignored (R14-3, R14-4); but a certified version that a
   * newer one wraps (a rotation wraps the old version under the new) must not become current
   * again because the newer one's certificate was deleted: that is TAMPERED, never a downgrade.
   * Only versions with a certificate row (and a wrap or public half) are candidates, newest
   * first, within the junk budget (R20-4, `walkVouched` past it): the work does not grow with junk
   * rows; more uncertified "newer" versions than that (each needs a signature check) is TAMPERED.
   */
  private newestVouched(logical: string): number {
    // A version this process created and has not certified yet counts as vouched (`fresh`).
    let freshest = 0;
    for (const id of this.fresh.keys()) {
      const parsed = parseKeyId(id);
      if (parsed.logical === logical && parsed.version > freshest) freshest = parsed.version;
    }
    // A user's key starts from the version her key slot names (red team 21, R21-3), when that
    // version has a valid certificate: junk certificate rows below or above it then cost nothing
    // (one check, the version just above), where newest-first and then from-below each spent
    // the junk budget on them and locked her out once she had a later version than junk below.
    const fromSlot = this.slotVersion(logical, freshest);
    const candidates =
      fromSlot > 0
        ? []
        : this.certifiedVersions(logical, freshest, 'DESC', JUNK_CHECKS_PER_KEY + 1);
    // Newest first, while the junk budget lasts (R20-4): per key, and per sign-in (the book's).
    let v = fromSlot > 0 ? this.walkUp(logical, fromSlot) : 0;
    let failed = 0;
    let cutShort = candidates.length > JUNK_CHECKS_PER_KEY;
    for (const c of candidates) {
      const book = this.book as KeyCertBook;
      if (failed >= JUNK_CHECKS_PER_KEY || book.invalidChecks >= JUNK_CHECKS_PER_SIGN_IN) {
        cutShort = true;
        break;
      }
      const before = book.invalidChecks;
      if (this.expectedCommitment(keyId(logical, c)) !== null) {
        v = c;
        cutShort = false;
        break;
      }
      if (book.invalidChecks > before) failed++;
    }
    if (v === 0 && cutShort) v = this.walkVouched(logical, freshest);
    v = Math.max(v, freshest);
    // An allegation key fails closed (sec30): a newer version without a valid certificate (a
    // version a migration left out, or one put in outside Hearth) stays current and unusable,
    // rather than an older version, perhaps wrapped for the case key, taking over: a case made
    // blind never reads as un-blinded that way, and nothing is written under the older key.
    if (needsCustody(logical)) {
      const newest = Math.max(this.newestStored(logical), this.newestPublic(logical));
      if (newest > v) return newest;
    }
    if (v === 0) return 0;
    if (this.supersededByReal(logical, v))
      throw new HearthError(
        'TAMPERED',
        `A newer version of the key ${logical} has no valid certificate from the centre key: it was deleted or made outside Hearth. An admin can run a vault check.`,
      );
    return v;
  }

  /**
   * Versions of `logical` above `above` that have a certificate row and a wrap or public half,
   * in version order (`DESC` newest first, `ASC` oldest first), at most `limit`: the candidates
   * newestVouched and walkVouched check, read in SQL so that junk rows cost nothing (R20-4).
   */
  private certifiedVersions(
    logical: string,
    above: number,
    order: 'ASC' | 'DESC',
    limit: number,
  ): number[] {
    return (
      statement(
        this.db,
        `SELECT ${idVersionSql('c.key_id')} AS v FROM key_certs c
          WHERE ${idOfLogicalSql('c.key_id')} AND ${idVersionSql('c.key_id')} > @above
            AND (EXISTS (SELECT 1 FROM key_wraps w WHERE w.logical = @logical
                           AND w.version = ${idVersionSql('c.key_id')} AND typeof(w.version) = 'integer')
                 OR EXISTS (SELECT 1 FROM public_keys p WHERE p.key_id = c.key_id))
          ORDER BY v ${order} LIMIT @limit`,
      ).all({ ...idRange(logical), above, limit }) as Array<{ v: number }>
    ).map((r) => r.v);
  }

  /**
   * The newest certified version of a vouched key found from below (red team 20, R20-4), when
   * newest-first ran out of its junk budget: the lowest version with a valid certificate (at
   * most JUNK_CHECKS_PER_KEY tried, oldest first), then up one version at a time while the next
   * version has a valid certificate (Hearth always makes the next version as current + 1, and a
   * version it destroys loses its certificate). Junk versions with made-up certificates above the
   * real one cost one check (the version just above), wherever they are. 0: none found.
   */
  private walkVouched(logical: string, above: number): number {
    const starts = this.certifiedVersions(logical, above, 'ASC', JUNK_CHECKS_PER_KEY);
    const start = starts.find((c) => this.expectedCommitment(keyId(logical, c)) !== null) ?? 0;
    return this.walkUp(logical, start);
  }

  /**
   * From certified version `from` (0: none), up one version at a time while the next version has
   * a valid certificate (Hearth makes the next version as current + 1): the newest of that run.
   * No wrap is required between the steps: a deleted "held by the next version" row must not
   * stop the walk below the real version (that is how a removed user's version would become
   * current again); a certificate deleted from the real newest is caught by supersededByReal.
   */
  private walkUp(logical: string, from: number): number {
    let current = from;
    while (current > 0 && current < MAX_KEY_VERSION) {
      if (this.expectedCommitment(keyId(logical, current + 1)) === null) break;
      current += 1;
    }
    return current;
  }

  /**
   * For a user key (`user:<name>`): the version the user's key slot names (the slot's key_id,
   * a clear column), when it is above `above` and has a valid certificate; else 0. The slot is
   * only a starting point (R21-3): the walk up from it and supersededByReal decide, so a slot
   * edited to name an older certified version still reaches the newest, and one naming a
   * version without a certificate is ignored. Cost: one indexed read, one signature check.
   */
  private slotVersion(logical: string, above: number): number {
    if (!logical.startsWith('user:')) return 0;
    const row = statement(
      this.db,
      "SELECT key_id FROM key_slots WHERE kind = 'user' AND username = ? LIMIT 1",
    ).get(logical.slice('user:'.length)) as { key_id: unknown } | undefined;
    const parsed = typeof row?.key_id === 'string' ? tryParseKeyId(row.key_id) : undefined;
    if (!parsed || parsed.logical !== logical || parsed.version <= above) return 0;
    return this.expectedCommitment(keyId(logical, parsed.version)) !== null ? parsed.version : 0;
  }

  /**
   * Whether certified version `v` of a vouched key is wrapped under a newer version that shows it
   * is real (a rotation whose certificate was deleted: going back to `v` would write under a key
   * a removed user held). Red team 20, R20-3: a "newer holder" row anyone can add (random bytes,
   * under a version with no wraps at all) made every sign-in TAMPERED, the admin's included, so
   * nobody could run the check that names it. Now the newer version counts only when:
   * - this sign-in reaches `v`: the newer version opens for it and the wrap of `v` under it holds
   *   the very key `v` (only a holder of `v` can make that: a rotation does); a genuine rotation
   *   wraps the newer version for every holder of `v` that remains, so a sign-in that reaches `v`
   *   reaches it;
   * - this sign-in does not reach `v`: the newer version has a wrap or a public half (it cannot
   *   judge more; fail closed as before).
   * Anything else is ignored here and named by vault check (check-written-keys.ts). At most
   * MAX_SUPERSEDING rows are looked at.
   */
  private supersededByReal(logical: string, v: number): boolean {
    const rows = statement(
      this.db,
      `SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = @logical AND version = @v
         AND ${idOfLogicalSql('holder')} AND ${idVersionSql('holder')} > @v
         ORDER BY ${idVersionSql('holder')} DESC LIMIT ${MAX_SUPERSEDING}`,
    ).all({ ...idRange(logical), v }) as WrapRow[];
    if (rows.length === 0) return false;
    const id = keyId(logical, v);
    const own = this.tryKey(id, new Set());
    for (const row of rows) {
      const newer = parseKeyId(row.holder);
      const newerRows = wellFormedHolders(
        statement(
          this.db,
          'SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ?',
        ).all(newer.logical, newer.version) as WrapRow[],
      );
      if (!own) {
        const hasPublic =
          statement(this.db, 'SELECT 1 FROM public_keys WHERE key_id = ?').get(row.holder) !==
          undefined;
        if (newerRows.length > 0 || hasPublic) return true;
        continue;
      }
      for (const newerRow of newerRows) {
        if (newerRow.holder === id) continue;
        const holderKey = this.tryKey(newerRow.holder, new Set([row.holder]));
        if (!holderKey) continue;
        const opened = this.quietUnwrap(row.holder, newerRow, holderKey);
        if (!opened) continue;
        const inside = this.quietUnwrap(id, row, opened);
        wipe(opened);
        if (!inside) continue;
        const same = inside.length === own.length && constantTimeEqual(inside, own);
        wipe(inside);
        if (same) return true;
      }
    }
    return false;
  }

  /** unwrap, or undefined when the wrap fails authentication. */
  private quietUnwrap(id: KeyId, row: WrapRow, holderKey: Uint8Array): Uint8Array | undefined {
    try {
      return this.unwrap(id, row, holderKey);
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /** Like currentId, but a missing key is TAMPERED (it should exist). */
  requireCurrentId(logical: string): KeyId {
    const id = this.currentId(logical);
    if (!id)
      throw new HearthError(
        'TAMPERED',
        'A key is missing from the vault (it was deleted or shredded). Run a vault check.',
      );
    return id;
  }

  /** The public key of an X25519 holder key, or undefined for a symmetric key. */
  publicKey(id: KeyId): Uint8Array | undefined {
    // A vouched public key is the one its certificate names, whatever the clear row says.
    const expected = this.expectedCommitment(id);
    if (expected === null) return undefined;
    if (expected?.kind === 'public') return expected.value;
    const row = statement(this.db, 'SELECT public_key FROM public_keys WHERE key_id = ?').get(
      id,
    ) as { public_key: Buffer } | undefined;
    return row ? blob(row.public_key) : undefined;
  }

  /** The key with this id: FORBIDDEN when this sign-in cannot reach it, TAMPERED when a wrap is altered. */
  key(id: KeyId): Uint8Array {
    const key = this.tryKey(id, new Set());
    if (!key) {
      if (this.expectedCommitment(id) === null)
        throw new HearthError(
          'TAMPERED',
          // Red team 26, R26-1/R26-3: the usual cause is a deleted or damaged row (its
          // certificate, the certificate of the staff member who made it, its case row), not a
          // key made outside Hearth: the message names those first.
          `The key ${id} has no valid certificate, so it is not used and nothing was changed. Usually a row it depends on was deleted or damaged outside Hearth (its key certificate, the certificate of the staff member who made it, or for an allegation key its case's row or creation entry); less often the key was made or replaced outside Hearth. An admin runs a vault check (hearth vault check), which names the row, and restores the newest backup (hearth vault restore).`,
          { reason: 'KEY_CERT_INVALID' },
        );
      const { logical, version } = parseKeyId(id);
      const exists = statement(
        this.db,
        'SELECT 1 FROM key_wraps WHERE logical = ? AND version = ? LIMIT 1',
      ).get(logical, version);
      if (!exists)
        throw new HearthError(
          'TAMPERED',
          'A key is missing from the vault (it was deleted or shredded). Run a vault check.',
        );
      throw noAccess();
    }
    return key;
  }

  /** Whether this sign-in can reach the key. */
  canOpen(id: KeyId): boolean {
    return this.tryKey(id, new Set()) !== undefined;
  }

  /**
   * Whether `id` is wrapped directly under `holder` by a wrap that authenticates: true only when
   * the row exists, this sign-in reaches `holder`, and the row opens with it (a row forged
   * without the key fails). Undefined only when this sign-in cannot reach `holder` but `holder`
   * may be genuine; false (fail closed, R13-3) when `holder` is a version the vault does not have
   * (no wrap of it and no public half: a row "under class:case@99") or one this sign-in cannot
   * reach although it holds another version of the same key (a rotation wraps every older version
   * under the newer one, so a current holder reaches every genuine version).
   */
  wrappedUnder(id: KeyId, holder: KeyId): boolean | undefined {
    const { logical, version } = parseKeyId(id);
    const row = statement(
      this.db,
      'SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ? AND holder = ?',
    ).get(logical, version, holder) as WrapRow | undefined;
    const holderKey = this.tryKey(holder, new Set());
    if (!holderKey) return this.versionEstablished(holder) ? undefined : false;
    if (!row) return false;
    try {
      const key = this.unwrap(id, row, holderKey);
      // A wrap that opens is not enough: it must hold the certified key (R14-1).
      const expected = this.expectedCommitment(id);
      const ok = expected === null ? false : !expected || this.vouchedKey(id, key, expected);
      wipe(key);
      return ok;
    } catch (error) {
      if (error instanceof HearthError) return false;
      throw error;
    }
  }

  /**
   * Whether a key version this sign-in cannot reach may still be genuine: the vault has it (a
   * wrap of it or its public half) and this sign-in reaches no other version of the same key.
   */
  private versionEstablished(id: KeyId): boolean {
    const { logical, version } = parseKeyId(id);
    const exists =
      statement(this.db, 'SELECT 1 FROM key_wraps WHERE logical = ? AND version = ? LIMIT 1').get(
        logical,
        version,
      ) !== undefined || this.publicKey(id) !== undefined;
    if (!exists) return false;
    return !this.otherVersionsWorthTrying(logical, version).some((other) => this.canOpen(other));
  }

  /**
   * The versions of `logical` other than `version` that this sign-in might open, decided in SQL
   * (perf20, R19-4): with certificates in force, a vouched key's version opens only with a
   * certificate row, so only those are read, newest first and at most MAX_UNVERIFIED_NEWER + 1
   * (as `newestVouched`); junk wrap rows without one (200,000 made-up versions, no key needed)
   * are never read. Otherwise every well-formed stored version, as before.
   */
  private otherVersionsWorthTrying(logical: string, version: number): KeyId[] {
    if (!this.book || !isVouchedLogical(logical))
      return this.versionsOf(logical).filter((other) => other !== keyId(logical, version));
    return (
      statement(
        this.db,
        `SELECT ${idVersionSql('c.key_id')} AS v FROM key_certs c
          WHERE ${idOfLogicalSql('c.key_id')} AND ${idVersionSql('c.key_id')} <> @version
            AND EXISTS (SELECT 1 FROM key_wraps w WHERE w.logical = @logical
                          AND w.version = ${idVersionSql('c.key_id')} AND typeof(w.version) = 'integer')
          ORDER BY v DESC LIMIT @limit`,
      ).all({ ...idRange(logical), version, limit: MAX_UNVERIFIED_NEWER + 1 }) as Array<{
        v: number;
      }>
    ).map((r) => keyId(logical, r.v));
  }

  private tryKey(id: KeyId, visiting: Set<KeyId>): Uint8Array | undefined {
    const cached = this.opened.get(id);
    if (cached) return cached;
    if (this.unreachable.has(id) || visiting.has(id)) return undefined;
    visiting.add(id);
    const expected = this.expectedCommitment(id);
    if (expected === null) {
      this.unreachable.add(id);
      return undefined;
    }
    const { logical, version } = parseKeyId(id);
    const rows = wellFormedHolders(
      statement(
        this.db,
        'SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ?',
      ).all(logical, version) as WrapRow[],
    );
    // Holders already open first: the common case costs one decryption.
    rows.sort((a, b) => Number(this.opened.has(b.holder)) - Number(this.opened.has(a.holder)));
    for (const row of rows) {
      const holderKey = this.tryKey(row.holder, visiting);
      if (!holderKey) continue;
      const key = this.unwrap(id, row, holderKey);
      // A wrap that opens but holds another key than the certified one (a key someone made and
      // wrapped under a key he holds) is not this key (R14-1).
      if (expected && !this.vouchedKey(id, key, expected)) {
        wipe(key);
        continue;
      }
      this.journal.noteChange(id, this.opened.get(id));
      this.opened.set(id, key);
      return key;
    }
    this.unreachable.add(id);
    return undefined;
  }

  private unwrap(id: KeyId, row: WrapRow, holderKey: Uint8Array): Uint8Array {
    const ad = this.ad(id, row.holder);
    try {
      const publicKey = this.publicKey(row.holder);
      if (!publicKey) return aeadDecrypt(holderKey, blob(row.nonce), blob(row.wrapped_key), ad);
      // A sealed box has no associated data: the binding travels inside and is compared.
      const opened = openSealed(blob(row.wrapped_key), { publicKey, secretKey: holderKey });
      const key = opened.slice(0, KEY_BYTES);
      if (!constantTimeEqual(opened.subarray(KEY_BYTES), ad))
        throw new CryptoError('DECRYPT_FAILED', 'binding');
      wipe(opened);
      return key;
    } catch (error) {
      if (error instanceof CryptoError)
        throw new HearthError(
          'TAMPERED',
          `The wrapped key ${id} fails authentication: it was altered or moved outside Hearth.`,
        );
      throw error;
    }
  }

  /**
   * The key in the wrap of `id` under `holder` (a copy the caller wipes), or undefined when
   * this sign-in does not reach `holder`, there is no such row, or it fails authentication.
   * Not cached, and no certificate rule: for the key-certificate migration (key-vouching.ts).
   */
  unwrapVia(id: KeyId, holder: KeyId): Uint8Array | undefined {
    const { logical, version } = parseKeyId(id);
    const row = statement(
      this.db,
      'SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ? AND holder = ?',
    ).get(logical, version, holder) as WrapRow | undefined;
    const holderKey = row ? this.tryKey(holder, new Set([id])) : undefined;
    if (!row || !holderKey) return undefined;
    try {
      return this.unwrap(id, row, holderKey);
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /**
   * Whether the wrap of `id` under `holder` holds the key `id`'s certificate commits to: undefined
   * when no rule applies, or this sign-in cannot open that wrap (vault check names only what it
   * can see); false when it opens to another key, or fails authentication.
   */
  wrapMatchesCommitment(id: KeyId, holder: KeyId): boolean | undefined {
    const expected = this.expectedCommitment(id);
    if (!expected) return undefined;
    if (!this.tryKey(holder, new Set([id]))) return undefined;
    const got = this.unwrapVia(id, holder);
    if (!got) return false;
    try {
      return keyMatches(this.vaultIdHex, id, got, expected);
    } finally {
      wipe(got);
    }
  }

  /**
   * Whether some wrap of `id` this sign-in opens holds the key `commitment` names, with no
   * certificate rule: for vault check, to tell wraps that are intact from wraps that were
   * deleted or replaced when the certificate itself cannot be judged (R16-7).
   */
  someWrapHolds(id: KeyId, commitment: KeyCommitment): boolean {
    return this.holdersOf(id).some((holder) => {
      const got = this.unwrapVia(id, holder);
      if (!got) return false;
      try {
        return keyMatches(this.vaultIdHex, id, got, commitment);
      } finally {
        wipe(got);
      }
    });
  }

  /**
   * Whether a version of a key with custody (allegation keys) has a certificate and a wrap
   * holding the certified key, yet does not hold the version before it: made by someone who did
   * not hold that version (R14-1). For vault check.
   */
  custodyBroken(id: KeyId): boolean {
    const expected = this.expectedCommitment(id);
    const { logical, version } = parseKeyId(id);
    if (!expected || !needsCustody(logical) || version === 1) return false;
    for (const holder of this.holdersOf(id)) {
      const got = this.unwrapVia(id, holder);
      if (!got) continue;
      try {
        if (keyMatches(this.vaultIdHex, id, got, expected))
          return !this.vouchedKey(id, got, expected);
      } finally {
        wipe(got);
      }
    }
    return false;
  }

  /**
   * `id` opened through a holder that is not a version of the logical key `notThrough` (as a
   * copy the caller wipes); undefined when there is none this sign-in reaches. For the migration.
   */
  unwrapExcept(id: KeyId, notThrough: string): Uint8Array | undefined {
    for (const holder of this.holdersOf(id)) {
      if (parseKeyId(holder).logical === notThrough) continue;
      const got = this.unwrapVia(id, holder);
      if (got) return got;
    }
    return undefined;
  }

  /**
   * Whether an unwrapped key is the certified one and, for a key with custody (allegation keys),
   * whether a version after the first holds a wrap of the version before it that is that
   * version's certified key: made by someone who held it.
   */
  private vouchedKey(id: KeyId, key: Uint8Array, expected: KeyCommitment): boolean {
    if (!keyMatches(this.vaultIdHex, id, key, expected)) return false;
    const { logical, version } = parseKeyId(id);
    if (!this.book || !needsCustody(logical) || version === 1 || this.fresh.has(id)) return true;
    const previous = keyId(logical, version - 1);
    const before = this.expectedCommitment(previous);
    const row = statement(
      this.db,
      'SELECT holder, nonce, wrapped_key FROM key_wraps WHERE logical = ? AND version = ? AND holder = ?',
    ).get(logical, version - 1, id) as WrapRow | undefined;
    if (!before || !row) return false;
    try {
      const old = this.unwrap(previous, row, key);
      const ok = keyMatches(this.vaultIdHex, previous, old, before);
      wipe(old);
      return ok;
    } catch (error) {
      if (error instanceof HearthError) return false;
      throw error;
    }
  }

  /** Wraps a key this sign-in holds for another holder (which this sign-in need not be able to open if it is public). */
  wrap(id: KeyId, holder: KeyId): void {
    const key = this.key(id);
    const ad = this.ad(id, holder);
    const publicKey = this.publicKey(holder);
    let nonce: Uint8Array = SEALED_NONCE;
    let wrapped: Uint8Array;
    if (publicKey) {
      const plain = new Uint8Array(KEY_BYTES + ad.length);
      plain.set(key);
      plain.set(ad, KEY_BYTES);
      wrapped = sealTo(publicKey, plain);
      wipe(plain);
    } else {
      ({ nonce, ciphertext: wrapped } = aeadEncrypt(this.key(holder), key, ad));
    }
    const { logical, version } = parseKeyId(id);
    statement(
      this.db,
      `INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(logical, version, holder) DO UPDATE SET nonce = excluded.nonce, wrapped_key = excluded.wrapped_key`,
    ).run(logical, version, holder, nonce, wrapped);
    this.unreachable.clear();
  }

  /**
   * Creates the next version of a logical key (version 1 if new), wraps it for each holder, and
   * returns its id. With `publicHolder`, the key is an X25519 secret whose public half is stored
   * so that others can wrap for it. The caller wraps the previous version under it if needed.
   */
  create(logical: string, holders: KeyId[], options: { publicHolder?: boolean } = {}): KeyId {
    // Nothing new is sealed under a class key version below its floor (RT22-1).
    for (const holder of holders)
      if (holder.startsWith('class:')) this.assertWritable(parseKeyId(holder).logical);
    const id = this.nextVersionId(logical);
    const key = randomBytes(KEY_BYTES);
    this.hold(id, key);
    if (isVouchedLogical(logical)) {
      const kind = options.publicHolder ? 'public' : 'secret';
      this.fresh.set(id, { kind, value: commitmentOf(this.vaultIdHex, id, key, kind) });
    }
    if (options.publicHolder) {
      statement(this.db, 'INSERT INTO public_keys (key_id, public_key) VALUES (?, ?)').run(
        id,
        boxKeyPairFromSecret(key).publicKey,
      );
    }
    for (const holder of holders) this.wrap(id, holder);
    this.currentIds.set(logical, id);
    return id;
  }

  /**
   * The id of the next version of a logical key: the current version + 1. For a written key
   * (R20-1, R20-2), past any version stored outside Hearth, so that a new version never shares
   * its number (and so its wrap rows) with junk: a personal key is only ever made with its user,
   * so whatever version 1 rows are already there were put in outside Hearth and are dropped.
   */
  private nextVersionId(logical: string): KeyId {
    const current = this.currentId(logical);
    const currentVersion = current ? parseKeyId(current).version : 0;
    if (logical.startsWith('personal:')) {
      this.destroyVersion(keyId(logical, 1));
      return keyId(logical, 1);
    }
    if (!isWrittenLogical(logical)) return keyId(logical, currentVersion + 1);
    const past = Math.max(currentVersion, this.newestStored(logical)) + 1;
    if (past <= MAX_KEY_VERSION) return keyId(logical, past);
    const next = keyId(logical, currentVersion + 1);
    this.destroyVersion(next);
    return next;
  }

  /** Every stored version of a logical key (ids, oldest first), from its wraps. */
  versionsOf(logical: string): KeyId[] {
    return (
      statement(
        this.db,
        `SELECT DISTINCT version FROM key_wraps WHERE logical = ? AND ${WELL_FORMED_VERSION} ORDER BY version`,
      ).all(logical) as Array<{ version: number }>
    ).map((r) => keyId(logical, r.version));
  }

  /**
   * Who holds a key version directly (key ids): the holders of its wrap rows that are well-formed
   * key ids of keys the vault has (a wrap of that holder version, or its public half). Decided in
   * SQL (perf20, R19-4): rows under holders that are not keys ('nobody', made-up versions), put
   * in without any key, are never read, so 200,000 of them cost what none cost. The holder's key
   * id is split as tryParseKeyId splits it, at the LAST '@'.
   */
  holdersOf(id: KeyId): KeyId[] {
    const { logical, version } = parseKeyId(id);
    return wellFormedHolders(
      statement(
        this.db,
        `SELECT w.holder FROM key_wraps w
          WHERE w.logical = ? AND w.version = ? AND ${HOLDER_IS_KEY_SQL}
          ORDER BY w.holder`,
      ).all(logical, version) as Array<{ holder: string }>,
    ).map((r) => r.holder);
  }

  /** Every key version wrapped directly under a holder. */
  heldBy(holder: KeyId): KeyId[] {
    return (
      statement(
        this.db,
        `SELECT logical, version FROM key_wraps WHERE holder = ? AND ${WELL_FORMED_VERSION} ORDER BY logical, version`,
      ).all(holder) as Array<{ logical: string; version: number }>
    ).map((r) => keyId(r.logical, r.version));
  }

  /**
   * `heldBy` read by table scan (`NOT INDEXED`): for security decisions (a removal's rotation),
   * which must not trust `key_wraps_by_holder`, an index anyone with the file can rebuild to
   * leave rows out (red team 24, R24-11). Cost: one pass over key_wraps.
   */
  heldByScan(holder: KeyId): KeyId[] {
    return (
      statement(
        this.db,
        `SELECT logical, version FROM key_wraps NOT INDEXED WHERE holder = ? AND ${WELL_FORMED_VERSION} ORDER BY logical, version`,
      ).all(holder) as Array<{ logical: string; version: number }>
    ).map((r) => keyId(r.logical, r.version));
  }

  /** `versionsOf` read by table scan (see heldByScan). */
  versionsOfScan(logical: string): KeyId[] {
    return (
      statement(
        this.db,
        `SELECT DISTINCT version FROM key_wraps NOT INDEXED WHERE logical = ? AND ${WELL_FORMED_VERSION} ORDER BY version`,
      ).all(logical) as Array<{ version: number }>
    ).map((r) => keyId(logical, r.version));
  }

  removeWrap(id: KeyId, holder: KeyId): void {
    const { logical, version } = parseKeyId(id);
    statement(
      this.db,
      'DELETE FROM key_wraps WHERE logical = ? AND version = ? AND holder = ?',
    ).run(logical, version, holder);
  }

  /**
   * Moves everything wrapped under `from` to `to` (a newer version of the same principal), then
   * deletes every wrap of `from` itself: whoever keeps `from` (an old passphrase, an old kit)
   * reaches nothing through this file any more.
   */
  rehome(from: KeyId, to: KeyId): void {
    for (const child of this.heldBy(from)) {
      this.wrap(child, to);
      this.removeWrap(child, from);
    }
    this.destroyVersion(from);
  }

  /** Deletes every wrap of one key version (and its public half). */
  destroyVersion(id: KeyId): void {
    const { logical, version } = parseKeyId(id);
    statement(this.db, 'DELETE FROM key_wraps WHERE logical = ? AND version = ?').run(
      logical,
      version,
    );
    statement(this.db, 'DELETE FROM public_keys WHERE key_id = ?').run(id);
    statement(this.db, 'DELETE FROM key_certs WHERE key_id = ?').run(id);
    this.fresh.delete(id);
    this.journal.noteChange(id, this.opened.get(id));
    this.journal.dropKey(this.opened.get(id));
    this.opened.delete(id);
    this.currentIds.delete(logical);
  }

  /** Deletes every version of a logical key: what was sealed with it can never be read again. */
  shred(logical: string): void {
    const versions = statement(
      this.db,
      `SELECT DISTINCT version FROM key_wraps WHERE logical = ? AND ${WELL_FORMED_VERSION}`,
    ).all(logical) as Array<{ version: number }>;
    for (const { version } of versions) this.destroyVersion(keyId(logical, version));
    this.currentIds.delete(logical);
  }

  /** Drops one key from this sign-in's memory (wiped), e.g. a new user's key after creating it. */
  forget(id: KeyId): void {
    this.journal.noteChange(id, this.opened.get(id));
    this.journal.dropKey(this.opened.get(id));
    this.opened.delete(id);
  }

  /** Forgets cached lookups after another part of the vault changed wraps directly. */
  forgetLookups(): void {
    this.currentIds.clear();
    this.unreachable.clear();
  }

  /**
   * A transaction (or savepoint) begins: from here every change to this sign-in's keys in
   * memory can be taken back (`rollback`) if it fails (R26-1). Called by Vault.transact.
   */
  begin(): void {
    this.journal.begin({
      fresh: new Map(this.fresh),
      book: this.book,
      floorOf: this.floorOf,
      floorErrors: this.floorErrors,
      madeInLog: this.madeInLog,
    });
  }

  /** The transaction begun last committed: its deferred wipes run (outermost) or merge up. */
  commit(): void {
    this.journal.commit(this.opened);
  }

  /**
   * The transaction begun last rolled back: the keys opened, made or dropped since `begin`, the
   * versions made and not certified, the certificate book and the floors are exactly as they
   * were, and every cached lookup is forgotten (the file is the truth again).
   */
  rollback(): void {
    const state = this.journal.rollback(this.opened);
    this.forgetLookups();
    if (!state) return;
    this.fresh.clear();
    for (const [id, commitment] of state.fresh) this.fresh.set(id, commitment);
    this.book = state.book;
    this.floorOf = state.floorOf;
    this.floorErrors = state.floorErrors;
    this.madeInLog = state.madeInLog;
  }

  wipe(): void {
    this.journal.clear();
    for (const key of this.opened.values()) wipe(key);
    for (const key of this.retired.splice(0)) wipe(key);
    this.opened.clear();
    this.unreachable.clear();
    this.currentIds.clear();
  }
}
