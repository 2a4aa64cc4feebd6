// Sealed records. Each row is XChaCha20-Poly1305 with associated data binding it to the vault,
// its container (case or session), its id, its sequence number, its kind and its key version, so
// a row copied to another place, or renumbered, no longer decrypts. Callers name a logical key
// ('class:case', 'session:<id>', ...); a write uses its newest version, a read the version the
// row names, so rotating a key changes what is written next and keeps what was written readable.
// The plaintext is padded (record-format.ts) so that a ciphertext's length does not give away the
// length of a name or a short note (R11-6).
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import { aeadDecrypt, aeadEncrypt, CryptoError, sha256Hex } from '../crypto';
import type { AuditRecordRef, PlannedPointer } from './audit';
import { blob, toHex, utf8 } from './encoding';
import { HearthError } from './errors';
import { tryParseKeyId, type KeyStore } from './key-store';
import { rowsInCheckOrder } from './record-pages';
import { malformedColumns, RECORD_ROW_SHAPE } from './row-shape';
import { decodeRecordPlaintext, encodeRecordPlaintext } from './record-format';
import { recordsStamp, watchRecordWrites } from './records-generation';

export interface RecordAddress {
  recordId: string;
  containerId: string;
  kind: string;
  seq: number;
  /**
   * The logical key: 'class:<data class>', 'session:<id>', 'allegation:<case>', 'personal:<user>'.
   * Stored rows (and addresses read back) carry the version written: 'class:case@2'.
   */
  keyRef: string;
}

interface RecordRow {
  record_id: string;
  container_id: string;
  kind: string;
  seq: number;
  key_ref: string;
  nonce: Buffer;
  ciphertext: Buffer;
}

export interface OpenedRecord<T> {
  address: RecordAddress;
  value: T;
}

/**
 * Rows opened for a listing: `records` opened, `unreadable` ids that fail authentication,
 * `forbidden` ids sealed under a key that exists but this sign-in does not reach.
 */
export interface OpenedAll<T> {
  records: Array<OpenedRecord<T>>;
  unreadable: string[];
  forbidden: string[];
}

function addressOf(row: RecordRow): RecordAddress {
  return {
    recordId: row.record_id,
    containerId: row.container_id,
    kind: row.kind,
    seq: row.seq,
    keyRef: row.key_ref,
  };
}

export function recordHash(nonce: Uint8Array, ciphertext: Uint8Array): string {
  return sha256Hex(nonce, ciphertext);
}

/**
 * SQL: the row's id has nothing after its prefix's length (bound parameter: that length + 1)
 * that holds ':', i.e. it is a record's own id and not a sub-record such as a session's event
 * '<session>:<seq>'. Every id prefix a listing uses ('case_', 'sess_', 'user:', 'referrals:',
 * 'recipient:', 'certificate:', 'summary:') names one kind for such ids.
 */
const OWN_ID = "instr(substr(record_id, ?), ':') = 0";

/** The least string above every id that starts with `prefix` (its last character moved up one). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** TAMPERED, reason INDEX_DISAGREES: records_by_kind counts `indexed` rows, the table `inTable`. */
function indexDisagrees(indexed: number, inTable: number): HearthError {
  return new HearthError(
    'TAMPERED',
    `The database index records_by_kind of the vault file lists ${indexed} records of this kind, but the records table holds ${inTable}: the index was changed outside Hearth, and a list read through it would leave records out. Nothing is shown rather than an incomplete list. An admin runs "hearth vault check" (it names the index), then restores the newest backup (hearth vault restore).`,
    { reason: 'INDEX_DISAGREES' },
  );
}

/**
 * The hash of a row whose nonce or ciphertext is not bytes (red team 24, R24-9): no audit
 * reference holds it (theirs are hex digests, or '' for a removal), so such a row is never
 * "the version Hearth wrote".
 */
export const MALFORMED_HASH = 'malformed';

/** A row's ciphertext hash as in audit references; MALFORMED_HASH for a row of the wrong type. */
function rowHash(row: { nonce: unknown; ciphertext: unknown }): string {
  return row.nonce instanceof Uint8Array && row.ciphertext instanceof Uint8Array
    ? recordHash(blob(row.nonce), blob(row.ciphertext))
    : MALFORMED_HASH;
}

const COLUMNS = 'record_id, container_id, kind, seq, key_ref, nonce, ciphertext';

/**
 * A check every read makes on a record that opened (the vault sets it after sign-in): throws a
 * HearthError when the record must not be shown, e.g. one a removed user wrote with a kept old
 * key (R13-1). Not applied to `allRows`, whose caller (`vault check`) names such records itself.
 */
export type ReadGuard = (recordId: string, keyRef: string) => void;

export class RecordStore {
  private readonly adPrefix: string;
  private readGuard: ReadGuard | undefined;
  /**
   * Per kind, whether records_by_kind was found to count as many rows as the primary key holds
   * under the kind's id prefix, this sign-in (sec55). Asked once per sign-in: the file is held
   * with an exclusive lock while open (db.ts), and Hearth's own writes keep an index and its table
   * in step, so an index that agreed at the first look still agrees.
   */
  private readonly indexAgrees = new Map<string, boolean>();
  /** strayIdsByPrefix's answers, this sign-in. */
  private readonly strays = new Map<string, string[]>();

  constructor(
    private readonly db: Database,
    private readonly keys: KeyStore,
    vaultId: Uint8Array,
  ) {
    this.adPrefix = JSON.stringify(['hearth.record.v2', toHex(vaultId)]).slice(0, -1) + ',';
    watchRecordWrites(db);
  }

  /**
   * A stamp that changes whenever any record is written (records-generation.ts), for results
   * this sign-in may reuse while it stays the same; undefined when that cannot be told.
   */
  changeStamp(): string | undefined {
    return recordsStamp(this.db);
  }

  /**
   * Puts the write-counting triggers in place if they are not (outside a transaction only; a
   * no-op inside one), so that `changeStamp` is defined from here on. Returns whether they are.
   */
  watchWrites(): boolean {
    return watchRecordWrites(this.db);
  }

  /**
   * canonicalTuple('hearth.record.v2', vaultId, container, record, seq, kind, keyRef), built
   * from a cached prefix because it is computed once per record on every listing.
   */
  private associatedData(a: RecordAddress): Uint8Array {
    const rest = JSON.stringify([a.containerId, a.recordId, a.seq, a.kind, a.keyRef]);
    return utf8(this.adPrefix + rest.slice(1));
  }

  /** The key store these records are sealed through (to follow a record's key versions). */
  get keyStore(): KeyStore {
    return this.keys;
  }

  /**
   * Creates a fresh random data key (e.g. a new session's), wrapped under the current version of
   * its data class's key (`parent`, e.g. 'class:case').
   */
  createDataKey(keyRef: string, parent: string): void {
    this.keys.create(keyRef, [this.keys.requireCurrentId(parent)]);
  }

  /** Deletes a data key: every record sealed with it becomes unreadable (crypto-shredding). */
  shredDataKey(keyRef: string): void {
    this.keys.shred(keyRef);
  }

  /**
   * Seals and writes one record: a new record, or a newer version (higher seq) of an existing
   * one. Session events are append-only and versions only move forward, so a write that would
   * replace an event or go back to an older or equal version is refused and nothing is written.
   * Returns the reference the audit entry commits to. `planned`: the record's audit pointer
   * (AuditLog.planPointers), written in the same statement as the row; without it the pointer
   * columns are left to the audit append.
   */
  put(
    logicalAddress: RecordAddress,
    value: unknown,
    blindIndex?: Uint8Array,
    planned?: PlannedPointer,
  ): AuditRecordRef {
    // An address read back names the version it was sealed with; a write always uses the newest.
    const logical = logicalAddress.keyRef.replace(/@\d+$/, '');
    // Never under a class key version the signed log says was replaced (RT22-1, key-floors.ts).
    this.keys.assertWritable(logical);
    const address = { ...logicalAddress, keyRef: this.keys.requireCurrentId(logical) };
    const { nonce, ciphertext } = aeadEncrypt(
      this.keys.key(address.keyRef),
      encodeRecordPlaintext(address.kind, value),
      this.associatedData(address),
    );
    const result =
      (address.kind !== 'event' &&
        this.putNewerVersion(address, nonce, ciphertext, blindIndex, planned)) ||
      (planned && this.upsertWithPointer(address, nonce, ciphertext, blindIndex, planned)) ||
      statement(
        this.db,
        `INSERT INTO records (${COLUMNS}, blind_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(record_id) DO UPDATE SET container_id = excluded.container_id, kind = excluded.kind,
           seq = excluded.seq, key_ref = excluded.key_ref, nonce = excluded.nonce,
           ciphertext = excluded.ciphertext, blind_index = excluded.blind_index
         WHERE excluded.seq > records.seq AND records.kind <> 'event' AND excluded.kind = records.kind`,
      ).run(
        address.recordId,
        address.containerId,
        address.kind,
        address.seq,
        address.keyRef,
        nonce,
        ciphertext,
        blindIndex ?? null,
      );
    if (result.changes !== 1) {
      throw new HearthError(
        'CONFLICT',
        'This record was changed meanwhile (or already exists); nothing was written. Reload and try again.',
      );
    }
    return { id: address.recordId, seq: address.seq, hash: recordHash(nonce, ciphertext) };
  }

  /** Sets (or clears) the check every later read makes (ReadGuard). */
  setReadGuard(guard: ReadGuard | undefined): void {
    this.readGuard = guard;
  }

  /**
   * Decrypts a row; throws TAMPERED when it fails authentication or the read guard refuses it,
   * FORBIDDEN when this sign-in holds no key that reaches the row's key. `guarded`: false for
   * the integrity check, which names what the guard would refuse.
   */
  private openRow<T>(row: RecordRow, guarded = true): OpenedRecord<T> {
    const address = addressOf(row);
    // A column of the wrong storage type (R24-9) makes this one record unreadable, named.
    const malformed = malformedColumns(row, RECORD_ROW_SHAPE);
    if (malformed.length > 0)
      throw new HearthError(
        'TAMPERED',
        `Record ${String(address.recordId)} is damaged (${malformed.join(', ')} of the wrong type): it was changed outside Hearth. An admin can run a vault check and restore the newest backup.`,
        { reason: 'RECORD_MALFORMED' },
      );
    // A key reference edited in the file (R16-3: 'class:directory@1.5') makes this one record
    // unreadable, like any other edit of it; never the whole sign-in or the check.
    if (tryParseKeyId(address.keyRef) === undefined)
      throw new HearthError(
        'TAMPERED',
        `Record ${address.recordId} names a malformed key: it was edited outside Hearth. An admin can run a vault check and restore the newest backup.`,
      );
    const key = this.keys.key(address.keyRef);
    let value: T;
    try {
      const plaintext = aeadDecrypt(
        key,
        blob(row.nonce),
        blob(row.ciphertext),
        this.associatedData(address),
      );
      value = decodeRecordPlaintext(address.kind, plaintext) as T;
    } catch (error) {
      if (
        error instanceof CryptoError ||
        error instanceof SyntaxError ||
        error instanceof TypeError
      ) {
        throw new HearthError(
          'TAMPERED',
          `Record ${address.recordId} fails authentication: it was altered, moved or replaced outside Hearth.`,
        );
      }
      throw error;
    }
    if (guarded) this.readGuard?.(address.recordId, address.keyRef);
    return { address, value };
  }

  /** Deletes a record (e.g. a removed user's shredded signing key); the audit reference says so. */
  remove(recordId: string): AuditRecordRef {
    const row = statement(this.db, 'SELECT seq FROM records WHERE record_id = ?').get(recordId) as
      { seq: number } | undefined;
    statement(this.db, 'DELETE FROM records WHERE record_id = ?').run(recordId);
    return { id: recordId, seq: row?.seq ?? 0, hash: '' };
  }

  /** Replaces a row's blind index (after the index key rotated); the row itself is unchanged. */
  setBlindIndex(recordId: string, blindIndex: Uint8Array): void {
    statement(this.db, 'UPDATE records SET blind_index = ? WHERE record_id = ?').run(
      blindIndex,
      recordId,
    );
  }

  /**
   * The ciphertext hash (as in audit references) of one record as the vault holds it now, or
   * undefined when it is gone; nothing is decrypted.
   */
  hashOf(recordId: string): string | undefined {
    const row = statement(this.db, 'SELECT nonce, ciphertext FROM records WHERE record_id = ?').get(
      recordId,
    ) as { nonce: Buffer; ciphertext: Buffer } | undefined;
    return row && rowHash(row);
  }

  /** How many records the vault holds (for progress). */
  count(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM records').get() as { n: number }).n;
  }

  /** How many records of a kind (not 'event') there are, from the index alone. */
  countOfKind(kind: string): number {
    return (
      statement(
        this.db,
        `SELECT count(*) AS n FROM records WHERE kind = ? AND kind <> 'event'`,
      ).get(kind) as { n: number }
    ).n;
  }

  /**
   * Refuses (TAMPERED, reason INDEX_DISAGREES) when the index records_by_kind holds another
   * number of records of `kind` than the records table itself (red team 23, R23-1: the index
   * rebuilt outside Hearth to leave a case out, its SQL text put back, hid the case from every
   * listing). `indexed`: `countOfKind(kind)`. Cost: one scan of the whole records table (the
   * unary `+` keeps SQLite off every index; about 0.4 s at 1,250 sessions), so a caller runs it
   * only when something sealed (the case order totals) already disagrees with the index.
   */
  assertKindIndexed(kind: string, indexed: number): void {
    const inTable = (
      statement(this.db, 'SELECT count(*) AS n FROM records WHERE +kind = ?').get(kind) as {
        n: number;
      }
    ).n;
    if (inTable !== indexed) throw indexDisagrees(indexed, inTable);
  }

  /**
   * How many records of `kind` lie under the id prefix `idPrefix` (e.g. 'case_', 'user:'), read
   * along the table's own B-tree (the primary key) and never through an index: the unary `+`
   * keeps SQLite off records_by_kind and records_by_blind_index, so an index rebuilt outside
   * Hearth to leave rows out cannot narrow it (sec55, red team 24: R24-1 variant B, R24-10).
   * Cost: the rows under the prefix only (one case row each for 'case_', never the events).
   */
  countKindByIdPrefix(kind: string, idPrefix: string): number {
    return (
      statement(
        this.db,
        'SELECT count(*) AS n FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ?',
      ).get(idPrefix, prefixEnd(idPrefix), kind) as { n: number }
    ).n;
  }

  /**
   * Every record of `kind` under the id prefix `idPrefix` (optionally in one container), in id
   * order, read along the primary key only (see countKindByIdPrefix): what a listing whose ids
   * share a prefix reads, so that no index edit can leave a row out of it (sec55). Rows that
   * fail authentication are in `unreadable`, rows this sign-in has no key for in `forbidden`.
   */
  listKindByIdPrefix<T>(kind: string, idPrefix: string, containerId?: string): OpenedAll<T> {
    const rows = (
      containerId === undefined
        ? statement(
            this.db,
            `SELECT ${COLUMNS} FROM records WHERE record_id >= ? AND record_id < ? AND (+kind = ? OR ${OWN_ID}) ORDER BY record_id`,
          ).all(idPrefix, prefixEnd(idPrefix), kind, idPrefix.length + 1)
        : statement(
            this.db,
            `SELECT ${COLUMNS} FROM records WHERE record_id >= ? AND record_id < ? AND (+kind = ? OR ${OWN_ID}) AND +container_id = ? ORDER BY record_id`,
          ).all(idPrefix, prefixEnd(idPrefix), kind, idPrefix.length + 1, containerId)
    ) as RecordRow[];
    // A row with the id of this kind but another clear `kind` (edited outside Hearth, R25-2,
    // R25-1 E) is one of these records made unreadable, never absent: it is listed as such.
    const strays = rows.filter((r) => r.kind !== kind).map((r) => r.record_id);
    const opened = this.openAll<T>(rows.filter((r) => r.kind === kind));
    return { ...opened, unreadable: [...opened.unreadable, ...strays].sort() };
  }

  /**
   * The ids under `idPrefix` that have the shape of a record of `kind` (no ':' after the prefix,
   * so not a session's events) but whose clear `kind` column names another kind: rows whose kind
   * was edited outside Hearth to take them out of every count and listing of `kind` (red team
   * 25, R25-2 and R25-1 E). Read along the primary key (the rows under the prefix), once per
   * sign-in (Hearth never changes a row's kind; the file is locked while open).
   */
  strayIdsByPrefix(kind: string, idPrefix: string): string[] {
    const key = `stray:${kind}:${idPrefix}`;
    const known = this.strays.get(key);
    if (known !== undefined) return known;
    const ids = (
      statement(
        this.db,
        `SELECT record_id FROM records WHERE record_id >= ? AND record_id < ? AND +kind <> ? AND ${OWN_ID} ORDER BY record_id`,
      ).all(idPrefix, prefixEnd(idPrefix), kind, idPrefix.length + 1) as Array<{
        record_id: string;
      }>
    ).map((r) => r.record_id);
    this.strays.set(key, ids);
    return ids;
  }

  /**
   * The ids of rows whose clear `kind` is `kind` but whose id lies outside `idPrefix`'s range:
   * rows Hearth never writes (every record of a listed kind has its kind's prefix), planted
   * outside Hearth (red team 25, R25-6: a copy of a case row under another id). Counted by
   * records_by_kind but not by the primary key's range, they made every case listing refuse
   * INDEX_DISAGREES (a keyless lock-out of the Cases screen); now they are taken out of the
   * index's count and named by the listing as unreadable. Read through records_by_kind (the
   * kind's rows only, never the events), once per sign-in.
   */
  misplacedIdsOfKind(kind: string, idPrefix: string): string[] {
    const key = `misplaced:${kind}:${idPrefix}`;
    const known = this.strays.get(key);
    if (known !== undefined) return known;
    const ids = (
      statement(
        this.db,
        `SELECT record_id FROM records WHERE kind = ? AND kind <> 'event' AND NOT (record_id >= ? AND record_id < ?) ORDER BY record_id`,
      ).all(kind, idPrefix, prefixEnd(idPrefix)) as Array<{ record_id: string }>
    ).map((r) => r.record_id);
    this.strays.set(key, ids);
    return ids;
  }

  /**
   * The ids of the records of `kind` under `idPrefix` whose blind index is `blindIndex`, read
   * along the primary key (no index: the unary `+` keeps SQLite off records_by_blind_index, which
   * can be rebuilt outside Hearth to leave a row out, red team 24 R24-3). A row with such an id
   * whose clear kind was edited (R25-2) counts too: its reference is not free. Nothing is decrypted.
   */
  idsWithBlindIndex(kind: string, idPrefix: string, blindIndex: Uint8Array): string[] {
    return (
      statement(
        this.db,
        `SELECT record_id FROM records WHERE record_id >= ? AND record_id < ? AND (+kind = ? OR ${OWN_ID}) AND +blind_index = ?`,
      ).all(idPrefix, prefixEnd(idPrefix), kind, idPrefix.length + 1, blindIndex) as Array<{
        record_id: string;
      }>
    ).map((r) => r.record_id);
  }

  /**
   * Refuses (TAMPERED, reason INDEX_DISAGREES, naming records_by_kind) when the index holds
   * another number of records of `kind` than the primary key holds under `idPrefix`
   * (countKindByIdPrefix): the check every case listing makes before trusting the index or the
   * sealed order totals (sec55). Returns the count. Cost: the rows under the prefix.
   */
  assertKindIndexedByPrefix(kind: string, idPrefix: string): number {
    // Rows of the kind outside the prefix (planted, R25-6) are no records of it: left out of the
    // index's count as the primary key's count leaves them out, and named by the listing instead.
    const indexed = this.countOfKind(kind) - this.misplacedIdsOfKind(kind, idPrefix).length;
    if (this.indexAgrees.get(kind) === true) return indexed;
    const inTable = this.countKindByIdPrefix(kind, idPrefix);
    this.indexAgrees.set(kind, inTable === indexed);
    if (inTable !== indexed) throw indexDisagrees(indexed, inTable);
    return indexed;
  }

  /**
   * Whether records_by_blind_index holds every row of `kind` under `idPrefix` that has a blind
   * index (its count against the primary key's, once per sign-in as in indexAgrees): when it does,
   * a miss through it is a real miss and the primary-key search of `idsWithBlindIndex` can be
   * skipped (R24-3; a case's creation then costs what it did). False when the index is missing.
   */
  blindIndexAgrees(kind: string, idPrefix: string): boolean {
    const key = `blind:${kind}`;
    const known = this.indexAgrees.get(key);
    if (known !== undefined) return known;
    let agrees = false;
    try {
      const indexed = (
        statement(
          this.db,
          'SELECT count(*) AS n FROM records INDEXED BY records_by_blind_index WHERE kind = ? AND blind_index IS NOT NULL',
        ).get(kind) as { n: number }
      ).n;
      const inTable = (
        statement(
          this.db,
          'SELECT count(*) AS n FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ? AND +blind_index IS NOT NULL',
        ).get(idPrefix, prefixEnd(idPrefix), kind) as { n: number }
      ).n;
      agrees = indexed === inTable && this.strayIdsByPrefix(kind, idPrefix).length === 0;
    } catch (error) {
      // The index dropped (SCHEMA_MISSING): nothing to trust; the search along the key decides.
      // Not `instanceof Error`: better-sqlite3 builds its SqliteError once per process, so under
      // jest (a realm per test file) a later file's error is not an instance of its own Error,
      // and the drop ended INTERNAL in multi-file runs only.
      const message = (error as { message?: unknown } | null)?.message;
      if (!(typeof message === 'string' && /no such index/i.test(message))) throw error;
    }
    this.indexAgrees.set(key, agrees);
    return agrees;
  }

  /**
   * Every record of `kind` (optionally in one container), none left out by an index edit: through
   * records_by_kind when, this sign-in, it counted as many rows of the kind as the primary key
   * holds under `idPrefix` (compared once per sign-in, see indexAgrees); otherwise along the
   * primary key (listKindByIdPrefix). So a listing costs what it did on a sound file, and shows
   * every row on a damaged one (sec55). Order: by container and version through the index, by
   * id along the primary key; callers sort.
   */
  listAccounted<T>(kind: string, idPrefix: string, containerId?: string): OpenedAll<T> {
    let agrees = this.indexAgrees.get(kind);
    if (agrees === undefined) {
      agrees =
        this.countOfKind(kind) - this.misplacedIdsOfKind(kind, idPrefix).length ===
          this.countKindByIdPrefix(kind, idPrefix) &&
        this.strayIdsByPrefix(kind, idPrefix).length === 0;
      this.indexAgrees.set(kind, agrees);
    }
    return agrees
      ? this.list<T>(kind, containerId)
      : this.listKindByIdPrefix<T>(kind, idPrefix, containerId);
  }

  /**
   * The data class a record is sealed under ('case' for 'class:case@2'), read from the index
   * alone (nothing is decrypted), or undefined when there is no such record or its key is not a
   * class key.
   */
  dataClassOf(recordId: string): string | undefined {
    const row = statement(this.db, 'SELECT key_ref FROM records WHERE record_id = ?').get(
      recordId,
    ) as { key_ref: string } | undefined;
    return row ? /^class:([^@]+)@/.exec(row.key_ref)?.[1] : undefined;
  }

  /**
   * The key id a record is sealed under (its key_ref column, in clear: nothing is decrypted), or
   * undefined when there is no such record.
   */
  keyRefOf(recordId: string): string | undefined {
    const row = statement(this.db, 'SELECT key_ref FROM records WHERE record_id = ?').get(
      recordId,
    ) as { key_ref: string } | undefined;
    return row?.key_ref;
  }

  /** Whether a record with this id is in the file (its primary key alone; nothing decrypted). */
  has(recordId: string): boolean {
    return (
      statement(this.db, 'SELECT 1 AS present FROM records WHERE record_id = ?').get(recordId) !==
      undefined
    );
  }

  /** A record's stored version (its seq column, in clear), or undefined when there is none. */
  seqOf(recordId: string): number | undefined {
    const row = statement(this.db, 'SELECT seq FROM records WHERE record_id = ?').get(recordId) as
      { seq: number } | undefined;
    return row?.seq;
  }

  /**
   * The ids of every record of a kind (optionally in one container), in id order, read from the
   * index alone: nothing is decrypted (ids are random or derived from random ids).
   */
  listIds(kind: string, containerId?: string): string[] {
    const rows = (
      containerId === undefined
        ? statement(
            this.db,
            `SELECT record_id FROM records WHERE kind = ? AND kind <> 'event' ORDER BY record_id`,
          ).all(kind)
        : statement(
            this.db,
            `SELECT record_id FROM records WHERE kind = ? AND kind <> 'event' AND container_id = ? ORDER BY record_id`,
          ).all(kind, containerId)
    ) as Array<{ record_id: string }>;
    return rows.map((r) => r.record_id);
  }

  /**
   * The highest id of a kind (not 'event'), from the index alone: one row, whatever the number
   * of records (ids such as 'case-order:<zero-padded number>' sort in number order).
   */
  /**
   * The greatest record id under `prefix` + ':' (e.g. the last case-order chunk), read from the
   * primary key (the table's own B-tree) and never from an index: an index rebuilt outside Hearth
   * to leave rows out cannot hide it (sec52). One B-tree descent.
   */
  lastIdByPrefix(prefix: string): string | undefined {
    const row = statement(
      this.db,
      'SELECT record_id FROM records WHERE record_id > ? AND record_id < ? ORDER BY record_id DESC LIMIT 1',
    ).get(`${prefix}:`, `${prefix};`) as { record_id: string } | undefined;
    return row?.record_id;
  }

  lastIdOfKind(kind: string): string | undefined {
    const row = statement(
      this.db,
      `SELECT record_id FROM records WHERE kind = ? AND kind <> 'event' ORDER BY record_id DESC LIMIT 1`,
    ).get(kind) as { record_id: string } | undefined;
    return row?.record_id;
  }

  /**
   * How many of `ids` (distinct) are records of `kind` (not 'event'): one primary-key probe per
   * id, nothing decrypted. The CROSS JOIN fixes the loop order (perf20): written as
   * `record_id IN (...) AND kind = ?`, SQLite's planner walked every record of the kind in the
   * kind index for each call, so a listing's chunk checks grew with the number of cases
   * (15,000 cases: 9 s to list them all).
   */
  countOfKindAmong(kind: string, ids: readonly string[]): number {
    return (
      statement(
        this.db,
        `SELECT count(*) AS n FROM (SELECT DISTINCT value AS id FROM json_each(?)) AS wanted
           CROSS JOIN records ON records.record_id = wanted.id
         WHERE records.kind = ? AND records.kind <> 'event'`,
      ).get(JSON.stringify(ids), kind) as { n: number }
    ).n;
  }

  get<T>(recordId: string): OpenedRecord<T> | undefined {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM records WHERE record_id = ?`).get(
      recordId,
    ) as RecordRow | undefined;
    return row ? this.openRow<T>(row) : undefined;
  }

  /**
   * Several records by id in one statement (one primary-key probe each; perf20: a page of 1,000
   * cases read one statement per case spent more in statements than in decryption). For each
   * id, in order: the opened record, undefined when there is none, or the TAMPERED error `get`
   * would have thrown for it (so one bad record does not hide the others). Other errors throw.
   */
  getMany<T>(ids: readonly string[]): Array<OpenedRecord<T> | HearthError | undefined> {
    const rows = statement(
      this.db,
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `records.${c}`)
        .join(
          ', ',
        )} FROM json_each(?) AS wanted CROSS JOIN records ON records.record_id = wanted.value`,
    ).all(JSON.stringify(ids)) as RecordRow[];
    const byId = new Map(rows.map((row) => [row.record_id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return undefined;
      try {
        return this.openRow<T>(row);
      } catch (error) {
        if (error instanceof HearthError && error.code === 'TAMPERED') return error;
        throw error;
      }
    });
  }

  /**
   * The common rewrite (a session summary after each event): a newer version of a record that
   * stays in its kind and container. Kind and container are not assigned, so SQLite leaves the
   * records_by_kind entry alone and the write touches the record's own page only (migration
   * 0008). Returns undefined when the row is not such a version (new, moved, older, another
   * kind), for the general upsert to write or refuse.
   */
  private putNewerVersion(
    address: RecordAddress,
    nonce: Uint8Array,
    ciphertext: Uint8Array,
    blindIndex: Uint8Array | undefined,
    planned?: PlannedPointer,
  ): { changes: number } | undefined {
    const result = planned
      ? statement(
          this.db,
          `UPDATE records SET seq = ?, key_ref = ?, nonce = ?, ciphertext = ?, blind_index = ?,
             audit_chain_key_id = ?, audit_nonce = ?, audit_sealed_seq = ?
           WHERE record_id = ? AND kind = ? AND container_id = ? AND kind <> 'event' AND seq < ?`,
        ).run(
          address.seq,
          address.keyRef,
          nonce,
          ciphertext,
          blindIndex ?? null,
          planned.chainKeyId,
          planned.nonce,
          planned.sealedSeq,
          address.recordId,
          address.kind,
          address.containerId,
          address.seq,
        )
      : statement(
          this.db,
          `UPDATE records SET seq = ?, key_ref = ?, nonce = ?, ciphertext = ?, blind_index = ?
             WHERE record_id = ? AND kind = ? AND container_id = ? AND kind <> 'event' AND seq < ?`,
        ).run(
          address.seq,
          address.keyRef,
          nonce,
          ciphertext,
          blindIndex ?? null,
          address.recordId,
          address.kind,
          address.containerId,
          address.seq,
        );
    return result.changes === 1 ? result : undefined;
  }

  /**
   * `put`'s upsert with the record's audit pointer in the same row write (issue #22: inserting the
   * row bare and then growing it by the pointer rewrote the cell, and sometimes rebalanced its
   * page). Same conditions as the upsert without a pointer.
   */
  private upsertWithPointer(
    address: RecordAddress,
    nonce: Uint8Array,
    ciphertext: Uint8Array,
    blindIndex: Uint8Array | undefined,
    planned: PlannedPointer,
  ): { changes: number } {
    return statement(
      this.db,
      `INSERT INTO records (${COLUMNS}, blind_index, audit_chain_key_id, audit_nonce, audit_sealed_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(record_id) DO UPDATE SET container_id = excluded.container_id, kind = excluded.kind,
         seq = excluded.seq, key_ref = excluded.key_ref, nonce = excluded.nonce,
         ciphertext = excluded.ciphertext, blind_index = excluded.blind_index,
         audit_chain_key_id = excluded.audit_chain_key_id, audit_nonce = excluded.audit_nonce,
         audit_sealed_seq = excluded.audit_sealed_seq
       WHERE excluded.seq > records.seq AND records.kind <> 'event' AND excluded.kind = records.kind`,
    ).run(
      address.recordId,
      address.containerId,
      address.kind,
      address.seq,
      address.keyRef,
      nonce,
      ciphertext,
      blindIndex ?? null,
      planned.chainKeyId,
      planned.nonce,
      planned.sealedSeq,
    );
  }

  getByBlindIndex<T>(kind: string, blindIndex: Uint8Array): OpenedRecord<T> | undefined {
    const row = statement(
      this.db,
      `SELECT ${COLUMNS} FROM records WHERE kind = ? AND blind_index = ?`,
    ).get(kind, blindIndex) as RecordRow | undefined;
    return row ? this.openRow<T>(row) : undefined;
  }

  /**
   * Every record of a kind (optionally in one container), in sequence order. Rows that fail
   * authentication are returned by id in `unreadable` instead of stopping the whole listing.
   * The literal `kind <> 'event'` lets SQLite use the partial index records_by_kind (a bound
   * `kind = ?` alone cannot prove the row is not an event, and the query would scan every
   * event of every session, then sort).
   */
  list<T>(kind: string, containerId?: string): OpenedAll<T> {
    const rows = (
      containerId === undefined
        ? statement(
            this.db,
            `SELECT ${COLUMNS} FROM records WHERE kind = ? AND kind <> 'event' ORDER BY container_id, seq`,
          ).all(kind)
        : statement(
            this.db,
            `SELECT ${COLUMNS} FROM records WHERE kind = ? AND kind <> 'event' AND container_id = ? ORDER BY seq`,
          ).all(kind, containerId)
    ) as RecordRow[];
    return this.openAll<T>(rows);
  }

  /**
   * Every record whose id starts with `prefix` followed by ':' (e.g. a session's events,
   * '<session>:<zero-padded seq>'), in id order, using the primary key alone.
   */
  listByIdPrefix<T>(prefix: string): OpenedAll<T> {
    const rows = statement(
      this.db,
      `SELECT ${COLUMNS} FROM records WHERE record_id > ? AND record_id < ? ORDER BY record_id`,
    ).all(`${prefix}:`, `${prefix};`) as RecordRow[];
    return this.openAll<T>(rows);
  }

  /** How many records lie under `prefix` + ':' (read from the primary key alone: nothing decrypted). */
  countByIdPrefix(prefix: string): number {
    const row = statement(
      this.db,
      'SELECT count(*) AS n FROM records WHERE record_id > ? AND record_id < ?',
    ).get(`${prefix}:`, `${prefix};`) as { n: number };
    return row.n;
  }

  /**
   * Sequence and ciphertext hash (as in audit references) of every record under `prefix` + ':',
   * without decrypting: what the audit log can vouch for. `keep`: only the ids it accepts are
   * read and hashed (issue #22: a session's start is one of its 151 events, so the ids are
   * listed from the primary key alone and only the kept rows' ciphertexts are fetched).
   */
  hashesByIdPrefix(
    prefix: string,
    keep?: (id: string) => boolean,
  ): Map<string, { seq: number; hash: string }> {
    const hashed = (r: Pick<RecordRow, 'record_id' | 'seq' | 'nonce' | 'ciphertext'>) =>
      [r.record_id, { seq: r.seq, hash: rowHash(r) }] as const;
    if (keep === undefined)
      return new Map(
        (
          statement(
            this.db,
            'SELECT record_id, seq, nonce, ciphertext FROM records WHERE record_id > ? AND record_id < ? ORDER BY record_id',
          ).all(`${prefix}:`, `${prefix};`) as RecordRow[]
        ).map(hashed),
      );
    const ids = (
      statement(
        this.db,
        'SELECT record_id FROM records WHERE record_id > ? AND record_id < ? ORDER BY record_id',
      ).all(`${prefix}:`, `${prefix};`) as Array<{ record_id: string }>
    ).filter((r) => keep(r.record_id));
    const one = statement(
      this.db,
      'SELECT record_id, seq, nonce, ciphertext FROM records WHERE record_id = ?',
    );
    return new Map(ids.map((r) => hashed(one.get(r.record_id) as RecordRow)));
  }

  /**
   * Rows this sign-in has no key for are left out: a listing shows what the role may read. Their
   * ids are returned in `forbidden` (the key exists, wrapped for other holders only), so a caller
   * that must account for every row (a session's timeline, sec52) can tell them from a gap.
   */
  private openAll<T>(rows: RecordRow[]): OpenedAll<T> {
    const records: Array<OpenedRecord<T>> = [];
    const unreadable: string[] = [];
    const forbidden: string[] = [];
    for (const row of rows) {
      try {
        records.push(this.openRow<T>(row));
      } catch (error) {
        if (error instanceof HearthError && error.code === 'TAMPERED')
          unreadable.push(row.record_id);
        else if (error instanceof HearthError && error.code === 'FORBIDDEN')
          forbidden.push(row.record_id);
        else throw error;
      }
    }
    return { records, unreadable, forbidden };
  }

  /**
   * Whether the row `recordId` opens under `keyRef` instead of the key its own row names (one
   * AEAD, nothing returned): a row whose key reference was edited to a key this sign-in lacks
   * still opens under the key it was sealed with (the reference is bound into the associated
   * data). Used to tell an event "not shown to your role" from one made unreadable (sec52).
   * False when there is no such row or this sign-in cannot reach `keyRef`.
   */
  opensUnder(recordId: string, keyRef: string): boolean {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM records WHERE record_id = ?`).get(
      recordId,
    ) as RecordRow | undefined;
    if (!row || tryParseKeyId(keyRef) === undefined || !this.keys.canOpen(keyRef)) return false;
    if (malformedColumns(row, RECORD_ROW_SHAPE).length > 0) return false;
    try {
      aeadDecrypt(
        this.keys.key(keyRef),
        blob(row.nonce),
        blob(row.ciphertext),
        this.associatedData({ ...addressOf(row), keyRef }),
      );
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }

  /**
   * Every row's address, ciphertext hash, blind index and, where this sign-in holds its key,
   * value, for the integrity check. `readable`: 'yes', 'no' (fails authentication or its key is
   * missing), or 'no-key' (a key this sign-in may not hold, such as another user's signing key:
   * its hash is still checked against the audit log). Ordered by kind, container, sequence and
   * id, read PAGE_ROWS (512) rows at a time without sorting the table (record-pages.ts).
   */
  *allRows(): Generator<{
    address: RecordAddress;
    hash: string;
    readable: 'yes' | 'no' | 'no-key';
    value?: unknown;
    blindIndex: Uint8Array | null;
    /** Columns of the wrong storage type (R24-9); absent for a sound row. */
    malformed?: string[];
  }> {
    // In pages along the table's own B-trees, never sorted whole (record-pages.ts).
    for (const row of rowsInCheckOrder(this.db)) {
      const malformed = malformedColumns(row, RECORD_ROW_SHAPE);
      let readable: 'yes' | 'no' | 'no-key' = 'yes';
      let value: unknown;
      try {
        value = this.openRow(row, false).value;
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
        readable = error.code === 'FORBIDDEN' ? 'no-key' : 'no';
      }
      yield {
        address: addressOf(row),
        hash: rowHash(row),
        readable,
        ...(readable === 'yes' ? { value } : {}),
        blindIndex: row.blind_index instanceof Uint8Array ? blob(row.blind_index) : null,
        ...(malformed.length > 0 ? { malformed } : {}),
      };
    }
  }
}
