// Sealed records. Each row is XChaCha20-Poly1305 with associated data binding it to the vault,
// its container (case or session), its id, its sequence number, its kind and its key, so a row
// copied to another place, or renumbered, no longer decrypts.
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import { aeadDecrypt, aeadEncrypt, CryptoError, randomBytes, sha256, wipe } from '../crypto';
import type { AuditRecordRef } from './audit';
import { blob, canonicalTuple, fromUtf8, toHex, utf8 } from './encoding';
import { HearthError } from './errors';
import type { Keyring } from './keyring';

export interface RecordAddress {
  recordId: string;
  containerId: string;
  kind: string;
  seq: number;
  /** 'records', 'signing', or a data key's ref such as 'session:<id>'. */
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
  return toHex(sha256(Buffer.concat([nonce, ciphertext])));
}

const COLUMNS = 'record_id, container_id, kind, seq, key_ref, nonce, ciphertext';

export class RecordStore {
  /** Unwrapped data keys, by ref; wiped on lock. */
  private readonly dataKeys = new Map<string, Uint8Array>();
  private readonly adPrefix: string;

  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
  ) {
    this.adPrefix = JSON.stringify(['hearth.record.v1', keyring.vaultIdHex]).slice(0, -1) + ',';
  }

  /**
   * canonicalTuple('hearth.record.v1', vaultId, container, record, seq, kind, keyRef), built
   * from a cached prefix because it is computed once per record on every listing.
   */
  private associatedData(a: RecordAddress): Uint8Array {
    const rest = JSON.stringify([a.containerId, a.recordId, a.seq, a.kind, a.keyRef]);
    return utf8(this.adPrefix + rest.slice(1));
  }

  /** Creates and stores (wrapped) a fresh random data key, e.g. for a new session. */
  createDataKey(keyRef: string): void {
    const key = randomBytes(32);
    const { nonce, ciphertext } = aeadEncrypt(
      this.keyring.sessionWrap,
      key,
      canonicalTuple('hearth.datakey.v1', this.keyring.vaultIdHex, keyRef),
    );
    statement(this.db, 'INSERT INTO data_keys (key_ref, nonce, wrapped_key) VALUES (?, ?, ?)').run(
      keyRef,
      nonce,
      ciphertext,
    );
    this.dataKeys.set(keyRef, key);
  }

  /** Deletes a data key: every record sealed with it becomes unreadable (crypto-shredding). */
  shredDataKey(keyRef: string): void {
    statement(this.db, 'DELETE FROM data_keys WHERE key_ref = ?').run(keyRef);
    wipe(this.dataKeys.get(keyRef));
    this.dataKeys.delete(keyRef);
  }

  keyFor(keyRef: string): Uint8Array {
    if (keyRef === 'records') return this.keyring.records;
    if (keyRef === 'signing') return this.keyring.signingWrap;
    const cached = this.dataKeys.get(keyRef);
    if (cached) return cached;
    const row = statement(
      this.db,
      'SELECT nonce, wrapped_key FROM data_keys WHERE key_ref = ?',
    ).get(keyRef) as { nonce: Buffer; wrapped_key: Buffer } | undefined;
    if (!row)
      throw new HearthError(
        'TAMPERED',
        'A data key is missing from the vault (it was deleted or shredded).',
      );
    try {
      const key = aeadDecrypt(
        this.keyring.sessionWrap,
        blob(row.nonce),
        blob(row.wrapped_key),
        canonicalTuple('hearth.datakey.v1', this.keyring.vaultIdHex, keyRef),
      );
      this.dataKeys.set(keyRef, key);
      return key;
    } catch (error) {
      if (error instanceof CryptoError)
        throw new HearthError(
          'TAMPERED',
          'A data key in the vault fails authentication (altered).',
        );
      throw error;
    }
  }

  /**
   * Seals and writes one record: a new record, or a newer version (higher seq) of an existing
   * one. Session events are append-only and versions only move forward, so a write that would
   * replace an event or go back to an older or equal version is refused and nothing is written.
   * Returns the reference the audit entry commits to.
   */
  put(address: RecordAddress, value: unknown, blindIndex?: Uint8Array): AuditRecordRef {
    const { nonce, ciphertext } = aeadEncrypt(
      this.keyFor(address.keyRef),
      utf8(JSON.stringify(value)),
      this.associatedData(address),
    );
    const result = statement(
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

  /** Decrypts a row; throws TAMPERED when it fails authentication. */
  private openRow<T>(row: RecordRow): OpenedRecord<T> {
    const address = addressOf(row);
    try {
      const plaintext = aeadDecrypt(
        this.keyFor(address.keyRef),
        blob(row.nonce),
        blob(row.ciphertext),
        this.associatedData(address),
      );
      return { address, value: JSON.parse(fromUtf8(plaintext)) as T };
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
  }

  get<T>(recordId: string): OpenedRecord<T> | undefined {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM records WHERE record_id = ?`).get(
      recordId,
    ) as RecordRow | undefined;
    return row ? this.openRow<T>(row) : undefined;
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
  list<T>(
    kind: string,
    containerId?: string,
  ): { records: Array<OpenedRecord<T>>; unreadable: string[] } {
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
  listByIdPrefix<T>(prefix: string): { records: Array<OpenedRecord<T>>; unreadable: string[] } {
    const rows = statement(
      this.db,
      `SELECT ${COLUMNS} FROM records WHERE record_id > ? AND record_id < ? ORDER BY record_id`,
    ).all(`${prefix}:`, `${prefix};`) as RecordRow[];
    return this.openAll<T>(rows);
  }

  private openAll<T>(rows: RecordRow[]): { records: Array<OpenedRecord<T>>; unreadable: string[] } {
    const records: Array<OpenedRecord<T>> = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      try {
        records.push(this.openRow<T>(row));
      } catch (error) {
        if (error instanceof HearthError && error.code === 'TAMPERED')
          unreadable.push(row.record_id);
        else throw error;
      }
    }
    return { records, unreadable };
  }

  /** Every row's address and ciphertext hash, for the integrity check. */
  *allRows(): Generator<{ address: RecordAddress; hash: string; readable: boolean }> {
    for (const row of statement(
      this.db,
      `SELECT ${COLUMNS} FROM records ORDER BY kind, container_id, seq`,
    ).iterate() as IterableIterator<RecordRow>) {
      let readable = true;
      try {
        this.openRow(row);
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
        readable = false;
      }
      yield {
        address: addressOf(row),
        hash: recordHash(blob(row.nonce), blob(row.ciphertext)),
        readable,
      };
    }
  }

  wipe(): void {
    for (const key of this.dataKeys.values()) wipe(key);
    this.dataKeys.clear();
  }
}
