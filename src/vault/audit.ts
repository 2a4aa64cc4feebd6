// The audit chain. Each entry is encrypted (who did what is itself sensitive) and chained by a
// keyed BLAKE2b MAC over the previous MAC and the entry's ciphertext hash. Entries that write a
// record commit to that record's ciphertext hash, so `vault check` can tell a rolled-back or
// deleted row from the version Hearth last wrote.
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import {
  aeadDecrypt,
  aeadEncrypt,
  blake2b,
  constantTimeEqual,
  CryptoError,
  sha256,
} from '../crypto';
import { blob, canonicalTuple, fromUtf8, toHex, utf8 } from './encoding';
import type { Keyring } from './keyring';

export interface AuditRecordRef {
  id: string;
  seq: number;
  /** sha256 (hex) of nonce || ciphertext of the record as written; '' when the record was removed. */
  hash: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, string | number | boolean>;
  records?: AuditRecordRef[];
}

export interface AuditProblem {
  seq: number;
  detail: string;
}

const GENESIS_MAC = new Uint8Array(32);

function associatedData(keyring: Keyring, seq: number): Uint8Array {
  return canonicalTuple('hearth.audit.v1', keyring.vaultIdHex, seq);
}

function chainMac(
  keyring: Keyring,
  seq: number,
  prevMac: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  const entryHash = sha256(Buffer.concat([nonce, ciphertext]));
  return blake2b(
    canonicalTuple(
      'hearth.audit-chain.v1',
      keyring.vaultIdHex,
      seq,
      toHex(prevMac),
      toHex(entryHash),
    ),
    32,
    keyring.auditMac,
  );
}

interface AuditRow {
  seq: number;
  nonce: Buffer;
  ciphertext: Buffer;
  mac: Buffer;
}

export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
  ) {}

  /** Appends one entry; call inside the transaction that makes the change it describes. */
  append(entry: AuditEntry): number {
    const head = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const prevMac = head ? blob(head.mac) : GENESIS_MAC;
    const { nonce, ciphertext } = aeadEncrypt(
      this.keyring.records,
      utf8(JSON.stringify(entry)),
      associatedData(this.keyring, seq),
    );
    const mac = chainMac(this.keyring, seq, prevMac, nonce, ciphertext);
    statement(
      this.db,
      'INSERT INTO audit_log (seq, nonce, ciphertext, mac) VALUES (?, ?, ?, ?)',
    ).run(seq, nonce, ciphertext, mac);
    return seq;
  }

  /**
   * Walks the whole chain. Returns the entries that decrypt and the problems found: a gap in the
   * sequence, a MAC that does not chain, or an entry that fails authentication.
   */
  verify(): { entries: Array<AuditEntry & { seq: number }>; problems: AuditProblem[] } {
    const entries: Array<AuditEntry & { seq: number }> = [];
    const problems: AuditProblem[] = [];
    let prevMac: Uint8Array = GENESIS_MAC;
    let expectedSeq = 1;
    for (const row of statement(
      this.db,
      'SELECT seq, nonce, ciphertext, mac FROM audit_log ORDER BY seq',
    ).iterate() as IterableIterator<AuditRow>) {
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          detail: `audit entries ${expectedSeq}-${row.seq - 1} are missing (deleted)`,
        });
      }
      const nonce = blob(row.nonce);
      const ciphertext = blob(row.ciphertext);
      const mac = blob(row.mac);
      if (!constantTimeEqual(chainMac(this.keyring, row.seq, prevMac, nonce, ciphertext), mac)) {
        problems.push({
          seq: row.seq,
          detail: 'audit entry does not chain to the one before it (edited, reordered or removed)',
        });
      }
      const entry = this.open(row.seq, nonce, ciphertext);
      if (entry) entries.push({ ...entry, seq: row.seq });
      else problems.push({ seq: row.seq, detail: 'audit entry fails authentication (edited)' });
      prevMac = mac;
      expectedSeq = row.seq + 1;
    }
    return { entries, problems };
  }

  /** Entries newest first, for `audit.list`; entries that fail to decrypt are skipped (check reports them). */
  list(limit: number, beforeSeq?: number): Array<AuditEntry & { seq: number }> {
    const rows = statement(
      this.db,
      'SELECT seq, nonce, ciphertext, mac FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?',
    ).all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    const out: Array<AuditEntry & { seq: number }> = [];
    for (const row of rows) {
      const entry = this.open(row.seq, blob(row.nonce), blob(row.ciphertext));
      if (entry) out.push({ ...entry, seq: row.seq });
    }
    return out;
  }

  private open(seq: number, nonce: Uint8Array, ciphertext: Uint8Array): AuditEntry | undefined {
    try {
      return JSON.parse(
        fromUtf8(
          aeadDecrypt(this.keyring.records, nonce, ciphertext, associatedData(this.keyring, seq)),
        ),
      ) as AuditEntry;
    } catch (error) {
      if (
        error instanceof CryptoError ||
        error instanceof SyntaxError ||
        error instanceof TypeError
      )
        return undefined;
      throw error;
    }
  }
}
