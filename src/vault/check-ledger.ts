// What `vault check` remembers between its audit walk and its record pass, kept in a scratch
// SQLite file instead of the JS heap, so that the check's memory does not grow with the vault
// (a decade of a busy centre: millions of records). Per record id it holds the version the audit
// log last committed to, and for interview events the entry that first wrote them (events are
// write-once, write-once.ts). What reaches the scratch file: record ids, version numbers and
// ciphertext hashes, all three already readable in the vault file's own columns; the audit
// entry numbers, which the vault keeps sealed (audit_index), are sealed here too, under a random
// key that lives only in this process. No plaintext of a case, note or transcript. The file sits
// in a fresh 0700 folder inside the vault's own folder (the disk the centre protects, not a
// shared /tmp) and is deleted when the check ends (`close`), also after an error; a folder left
// by a check that was killed is removed by the next one (the vault's exclusive lock means no
// other check of this vault can be running), but only if it is unmistakably such a folder
// (`removeStaleScratch`).
import { lstatSync, mkdtempSync, readdirSync, rmdirSync, rmSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AEAD_KEY_BYTES, aeadDecrypt, aeadEncrypt, randomBytes, wipe } from '../crypto';
import type { AuditRecordRef } from './audit';
import { utf8 } from './encoding';

/** The version of a record the audit log last committed to (hash '' : removed). */
export interface AuditedVersion {
  seq: number;
  /** sha256 hex of nonce || ciphertext, as in the audit reference. */
  hash: string;
  /** The audit entry that committed to it. */
  auditSeq: number;
}

/** The scratch folder's name prefix (followed by six random characters). */
export const SCRATCH_PREFIX = 'hearth-check-';

interface Row {
  seq: number;
  hash: string;
  nonce: Buffer;
  sealed: Buffer;
}

/**
/** A folder a killed check left: mkdtemp's name, and nothing in it but the ledger file. */
const SCRATCH_NAME = /^hearth-check-[A-Za-z0-9]{6}$/;
const SCRATCH_FILES = new Set(['ledger.db', 'ledger.db-journal']);

/** Whether `stats` (from lstat: a link is not followed) is ours: not a link, our user's, private. */
function isOwnPrivate(stats: Stats, kind: 'dir' | 'file'): boolean {
  const ownUser = process.getuid === undefined || stats.uid === process.getuid();
  return (
    (kind === 'dir' ? stats.isDirectory() : stats.isFile()) &&
    !stats.isSymbolicLink() &&
    ownUser &&
    (kind === 'file' || (stats.mode & 0o077) === 0)
  );
}

/**
 * Removes the scratch folders of checks that were killed, and nothing else (red team round 5,
 * F2): only a folder named as mkdtemp names ours, a real folder (a symlink is left alone, never
 * followed), owned by this user and private (0700), holding only the ledger's own files, each a
 * regular file; those files are unlinked one by one and the then-empty folder removed. Anything
 * else that starts with the prefix (a user's own folder, a planted link) is left untouched.
 */
export function removeStaleScratch(vaultDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(vaultDir)) {
    if (!SCRATCH_NAME.test(name)) continue;
    const folder = join(vaultDir, name);
    try {
      if (!isOwnPrivate(lstatSync(folder), 'dir')) continue;
      const entries = readdirSync(folder);
      if (
        !entries.every(
          (e) => SCRATCH_FILES.has(e) && isOwnPrivate(lstatSync(join(folder, e)), 'file'),
        )
      )
        continue;
      for (const e of entries) rmSync(join(folder, e));
      rmdirSync(folder);
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/**
 * Record id → audited version, on disk. `put` in audit order (the last write wins), then `get`
 * and `entries` for the record and slot passes; `close` deletes the file. Not thread-safe; one
 * per check.
 */
export class CheckLedger {
  private readonly dir: string;
  private readonly db: Database.Database;
  private readonly key = randomBytes(AEAD_KEY_BYTES);
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly selectFirst: Database.Statement;
  private readonly updateFirst: Database.Statement;

  /** `vaultDir`: the folder of the vault being checked (the scratch folder goes inside it). */
  constructor(vaultDir: string) {
    removeStaleScratch(vaultDir);
    this.dir = mkdtempSync(join(vaultDir, SCRATCH_PREFIX));
    this.db = new Database(join(this.dir, 'ledger.db'));
    // Scratch data, rebuilt by every check: no journal, no fsync; a bounded page cache (8 MiB).
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('cache_size = -8192');
    this.db.exec(
      `CREATE TABLE versions (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL,
         nonce BLOB NOT NULL, sealed BLOB NOT NULL, first_nonce BLOB, first_sealed BLOB) WITHOUT ROWID`,
    );
    this.upsert = this.db.prepare(
      `INSERT INTO versions (id, seq, hash, nonce, sealed) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
           nonce = excluded.nonce, sealed = excluded.sealed`,
    );
    this.select = this.db.prepare('SELECT seq, hash, nonce, sealed FROM versions WHERE id = ?');
    this.selectFirst = this.db.prepare(
      'SELECT first_nonce AS nonce, first_sealed AS sealed FROM versions WHERE id = ?',
    );
    this.updateFirst = this.db.prepare(
      'UPDATE versions SET first_nonce = ?, first_sealed = ? WHERE id = ?',
    );
    this.db.exec('BEGIN');
  }

  private seal(id: string, auditSeq: number): { nonce: Uint8Array; ciphertext: Uint8Array } {
    return aeadEncrypt(this.key, utf8(String(auditSeq)), utf8(id));
  }

  private open(id: string, nonce: Buffer, sealed: Buffer): number {
    return Number(Buffer.from(aeadDecrypt(this.key, nonce, sealed, utf8(id))).toString('utf8'));
  }

  /** Audit entry `auditSeq` committed to `ref`: it is now the record's expected version. */
  put(auditSeq: number, ref: AuditRecordRef): void {
    const { nonce, ciphertext } = this.seal(ref.id, auditSeq);
    this.upsert.run(ref.id, ref.seq, ref.hash, nonce, ciphertext);
  }

  /**
   * A row as an AuditedVersion whose entry number is decrypted when first read (issue #22: the
   * RECORD_MISSING sweep reads every row, and names the number only of what is missing).
   */
  private version(id: string, row: Row): AuditedVersion {
    let auditSeq: number | undefined;
    const open = () => (auditSeq ??= this.open(id, row.nonce, row.sealed));
    return {
      seq: row.seq,
      hash: row.hash,
      get auditSeq() {
        return open();
      },
    };
  }

  get(id: string): AuditedVersion | undefined {
    const row = this.select.get(id) as Row | undefined;
    return row && this.version(id, row);
  }

  /**
   * The first entry that wrote an id (as `WriteOnceCheck` records it), for ids `put` has seen;
   * a store shaped like the Map it would otherwise keep.
   */
  readonly firstWrites = {
    get: (id: string): number | undefined => {
      const row = this.selectFirst.get(id) as { nonce: Buffer | null; sealed: Buffer | null };
      return row?.nonce && row.sealed ? this.open(id, row.nonce, row.sealed) : undefined;
    },
    set: (id: string, auditSeq: number): void => {
      const { nonce, ciphertext } = this.seal(id, auditSeq);
      this.updateFirst.run(nonce, ciphertext, id);
    },
  };

  /** Ends the writing (after the audit walk): the rows go to the file, the passes after only read. */
  finishWriting(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  /** Every id with its version, in id order (streamed: the file is read a page at a time). */
  *entries(prefix = ''): Generator<[string, AuditedVersion]> {
    const rows = this.db
      .prepare('SELECT id, seq, hash, nonce, sealed FROM versions WHERE id >= ? ORDER BY id')
      .iterate(prefix) as IterableIterator<Row & { id: string }>;
    for (const row of rows) {
      if (!row.id.startsWith(prefix)) break;
      yield [row.id, this.version(row.id, row)];
    }
  }

  /**
   * The RECORD_MISSING sweep: every id whose audited version is not a removal (hash '') and
   * that `present` says the records table lacks, with its version, in id order. Only the ids
   * are read (one string per row, no row object, no per-row closure); a version is built only
   * for an absent id. perf25: the sweep through `entries` allocated about 0.9 KB per row, which
   * V8 promoted and kept until a full collection, so the check's peak memory grew with the
   * vault (+30 MiB at 250 sessions, +190 MiB at 1,250).
   */
  *absent(present: (id: string) => boolean): Generator<[string, AuditedVersion]> {
    const ids = this.db
      .prepare("SELECT id FROM versions WHERE hash <> '' ORDER BY id")
      .pluck()
      .iterate() as IterableIterator<string>;
    for (const id of ids) {
      if (present(id)) continue;
      const version = this.get(id);
      if (version) yield [id, version];
    }
  }

  /** Deletes the scratch file and forgets the key. */
  close(): void {
    try {
      if (this.db.open) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.db.close();
      }
    } finally {
      wipe(this.key);
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
