// The audit chain. Each entry is encrypted (who did what is itself sensitive) with the epoch key
// of the sign-in that wrote it, sealed to the audit class's public key: every user appends, only
// holders of the audit key (admins) read. The record references an entry commits to (record id,
// version, ciphertext hash) are sealed under the chain key every user holds, and a keyed BLAKE2b
// MAC chains each entry to the one before, so any user can check the chain and what it says was
// written, and `vault check` can tell a rolled-back or deleted row from the version Hearth wrote.
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import {
  aeadDecrypt,
  aeadEncrypt,
  blake2b,
  constantTimeEqual,
  CryptoError,
  deriveSubkey,
  sha256,
  wipe,
} from '../crypto';
import { blob, canonicalTuple, fromUtf8, toHex, utf8 } from './encoding';
import { HearthError } from './errors';
import type { KeyStore } from './key-store';
import { classKey } from './roles';

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

/** The newest entry: what the anchor outside the file records. mac: hex. */
export interface AuditHead {
  seq: number;
  mac: string;
}

const GENESIS_MAC = new Uint8Array(32);
const CHAIN_CONTEXT = 'hearthac';
const CHAIN_SUBKEY = { mac: 1, refs: 2 } as const;

interface AuditRow {
  seq: number;
  epoch: number | null;
  nonce: Buffer;
  ciphertext: Buffer;
  refs_nonce: Buffer | null;
  refs_ciphertext: Buffer | null;
  mac: Buffer;
}

interface ChainKeys {
  mac: Uint8Array;
  refs: Uint8Array;
}

const ROW_COLUMNS = 'seq, epoch, nonce, ciphertext, refs_nonce, refs_ciphertext, mac';

export class AuditLog {
  private readonly vaultIdHex: string;
  private epoch: { n: number; key: Uint8Array; chain: ChainKeys } | undefined;
  private readonly chainKeys = new Map<string, ChainKeys>();
  private readonly epochChain = new Map<number, string>();

  constructor(
    private readonly db: Database,
    private readonly keys: KeyStore,
    vaultId: Uint8Array,
  ) {
    this.vaultIdHex = toHex(vaultId);
  }

  private chainKeysFor(chainKeyId: string): ChainKeys {
    let found = this.chainKeys.get(chainKeyId);
    if (!found) {
      const root = this.keys.key(chainKeyId);
      found = {
        mac: deriveSubkey(root, CHAIN_SUBKEY.mac, CHAIN_CONTEXT),
        refs: deriveSubkey(root, CHAIN_SUBKEY.refs, CHAIN_CONTEXT),
      };
      this.chainKeys.set(chainKeyId, found);
    }
    return found;
  }

  /**
   * This sign-in's epoch: a random key sealed to the audit public key, so that entries it writes
   * are readable by audit-key holders only. Created with the first entry (in its transaction);
   * recreated if that transaction rolled back.
   */
  private currentEpoch(): { n: number; key: Uint8Array; chain: ChainKeys } {
    if (
      this.epoch &&
      statement(this.db, 'SELECT 1 FROM audit_epochs WHERE epoch = ?').get(this.epoch.n)
    )
      return this.epoch;
    const last = statement(this.db, 'SELECT max(epoch) AS n FROM audit_epochs').get() as {
      n: number | null;
    };
    const n = (last.n ?? 0) + 1;
    const chainKeyId = this.keys.requireCurrentId(classKey('chain'));
    this.keys.shred(`epoch:${n}`); // a leftover of a rolled-back attempt, never used
    const epochKeyId = this.keys.create(`epoch:${n}`, [
      this.keys.requireCurrentId(classKey('audit')),
    ]);
    statement(this.db, 'INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(
      n,
      chainKeyId,
    );
    this.epoch = { n, key: this.keys.key(epochKeyId), chain: this.chainKeysFor(chainKeyId) };
    return this.epoch;
  }

  private entryAd(seq: number, epoch: number): Uint8Array {
    return canonicalTuple('hearth.audit.v2', this.vaultIdHex, seq, epoch);
  }

  private refsAd(seq: number): Uint8Array {
    return canonicalTuple('hearth.audit-refs.v1', this.vaultIdHex, seq);
  }

  private chainMac(chain: ChainKeys, row: Omit<AuditRow, 'mac'>, prevMac: Uint8Array): Uint8Array {
    const hash = (nonce: Buffer | Uint8Array | null, ct: Buffer | Uint8Array | null) =>
      toHex(sha256(Buffer.concat([nonce ?? Buffer.alloc(0), ct ?? Buffer.alloc(0)])));
    return blake2b(
      canonicalTuple(
        'hearth.audit-chain.v2',
        this.vaultIdHex,
        row.seq,
        row.epoch ?? 0,
        toHex(prevMac),
        hash(row.nonce, row.ciphertext),
        hash(row.refs_nonce, row.refs_ciphertext),
      ),
      32,
      chain.mac,
    );
  }

  /** The newest entry's sequence number and MAC (cleartext columns: readable without keys). */
  head(): AuditHead | undefined {
    const row = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    return row ? { seq: row.seq, mac: toHex(blob(row.mac)) } : undefined;
  }

  /** Appends one entry; call inside the transaction that makes the change it describes. */
  append(entry: AuditEntry): number {
    const head = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const prevMac = head ? blob(head.mac) : GENESIS_MAC;
    const epoch = this.currentEpoch();
    const { records = [], ...body } = entry;
    const sealed = aeadEncrypt(epoch.key, utf8(JSON.stringify(body)), this.entryAd(seq, epoch.n));
    const refs = aeadEncrypt(epoch.chain.refs, utf8(JSON.stringify(records)), this.refsAd(seq));
    const row = {
      seq,
      epoch: epoch.n,
      nonce: Buffer.from(sealed.nonce),
      ciphertext: Buffer.from(sealed.ciphertext),
      refs_nonce: Buffer.from(refs.nonce),
      refs_ciphertext: Buffer.from(refs.ciphertext),
    };
    const mac = this.chainMac(epoch.chain, row, prevMac);
    statement(this.db, `INSERT INTO audit_log (${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      seq,
      epoch.n,
      row.nonce,
      row.ciphertext,
      row.refs_nonce,
      row.refs_ciphertext,
      mac,
    );
    return seq;
  }

  private chainFor(epoch: number | null): ChainKeys | undefined {
    if (epoch === null) return undefined;
    let chainKeyId = this.epochChain.get(epoch);
    if (!chainKeyId) {
      const row = statement(this.db, 'SELECT chain_key_id FROM audit_epochs WHERE epoch = ?').get(
        epoch,
      ) as { chain_key_id: string } | undefined;
      if (!row) return undefined;
      chainKeyId = row.chain_key_id;
      this.epochChain.set(epoch, chainKeyId);
    }
    try {
      return this.chainKeysFor(chainKeyId);
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /** This sign-in's key for an epoch's entries, or undefined (not an audit-key holder). */
  private entryKey(epoch: number): Uint8Array | undefined {
    const id = `epoch:${epoch}@1`;
    try {
      return this.keys.canOpen(id) ? this.keys.key(id) : undefined;
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  private openRefs(row: AuditRow, chain: ChainKeys): AuditRecordRef[] | undefined {
    if (!row.refs_nonce || !row.refs_ciphertext) return undefined;
    return this.openJson<AuditRecordRef[]>(
      chain.refs,
      blob(row.refs_nonce),
      blob(row.refs_ciphertext),
      this.refsAd(row.seq),
    );
  }

  private openJson<T>(
    key: Uint8Array,
    nonce: Uint8Array,
    ciphertext: Uint8Array,
    ad: Uint8Array,
  ): T | undefined {
    try {
      return JSON.parse(fromUtf8(aeadDecrypt(key, nonce, ciphertext, ad))) as T;
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

  /**
   * Walks the whole chain. Returns, for every entry, the records it says were written
   * (`written`, for every user), the entries themselves where this sign-in holds the audit key
   * (`entries`), and the problems found: a gap in the sequence, a MAC that does not chain, an
   * entry or its references that fail authentication. Holds the whole log in memory: `vault
   * check` uses `walk` instead.
   */
  verify(): {
    entries: Array<AuditEntry & { seq: number }>;
    written: Array<{ seq: number; records: AuditRecordRef[] }>;
    problems: AuditProblem[];
  } {
    const entries: Array<AuditEntry & { seq: number }> = [];
    const written: Array<{ seq: number; records: AuditRecordRef[] }> = [];
    const problems = this.walk((seq, records, body) => {
      if (records) written.push({ seq, records });
      if (body) entries.push(body);
    });
    return { entries, written, problems };
  }

  /**
   * The chain check of `verify`, streamed: `visit` sees each entry in order (its record
   * references, and its body where this sign-in holds the audit key; undefined where they fail
   * authentication) and nothing is kept, so memory does not grow with the log. `progress` is
   * called with (entries done, entries in all) every `every` entries. Returns the problems.
   */
  walk(
    visit: (
      seq: number,
      records: AuditRecordRef[] | undefined,
      body: (AuditEntry & { seq: number }) | undefined,
    ) => void,
    progress?: (done: number, total: number) => void,
    every = 5000,
  ): AuditProblem[] {
    const problems: AuditProblem[] = [];
    const total = this.head()?.seq ?? 0;
    let done = 0;
    let prevMac: Uint8Array = GENESIS_MAC;
    let expectedSeq = 1;
    for (const row of statement(
      this.db,
      `SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq`,
    ).iterate() as IterableIterator<AuditRow>) {
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          detail: `audit entries ${expectedSeq}-${row.seq - 1} are missing (deleted)`,
        });
      }
      const mac = blob(row.mac);
      const chain = this.chainFor(row.epoch);
      if (!chain) {
        problems.push({
          seq: row.seq,
          detail: 'audit entry names an epoch or chain key that is missing (deleted or edited)',
        });
      } else {
        if (!constantTimeEqual(this.chainMac(chain, row, prevMac), mac)) {
          problems.push({
            seq: row.seq,
            detail:
              'audit entry does not chain to the one before it (edited, reordered or removed)',
          });
        }
        const records = this.openRefs(row, chain);
        if (!records)
          problems.push({
            seq: row.seq,
            detail: 'audit entry record references fail authentication (edited)',
          });
        let body: (AuditEntry & { seq: number }) | undefined;
        const entryKey = row.epoch === null ? undefined : this.entryKey(row.epoch);
        if (entryKey && row.epoch !== null) {
          const opened = this.openJson<AuditEntry>(
            entryKey,
            blob(row.nonce),
            blob(row.ciphertext),
            this.entryAd(row.seq, row.epoch),
          );
          if (opened) body = { ...opened, records: records ?? [], seq: row.seq };
          else problems.push({ seq: row.seq, detail: 'audit entry fails authentication (edited)' });
        }
        visit(row.seq, records, body);
      }
      prevMac = mac;
      expectedSeq = row.seq + 1;
      done++;
      if (progress && done % every === 0) progress(done, Math.max(total, done));
    }
    progress?.(done, Math.max(total, done));
    return problems;
  }

  /** Entries newest first, for `audit.list` (audit-key holders); entries that fail to decrypt are skipped (check reports them). */
  list(limit: number, beforeSeq?: number): Array<AuditEntry & { seq: number }> {
    const rows = statement(
      this.db,
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    ).all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    const out: Array<AuditEntry & { seq: number }> = [];
    for (const row of rows) {
      if (row.epoch === null) continue;
      const entryKey = this.entryKey(row.epoch);
      if (!entryKey) continue;
      const body = this.openJson<AuditEntry>(
        entryKey,
        blob(row.nonce),
        blob(row.ciphertext),
        this.entryAd(row.seq, row.epoch),
      );
      const chain = this.chainFor(row.epoch);
      const records = chain ? this.openRefs(row, chain) : undefined;
      if (body) out.push({ ...body, ...(records ? { records } : {}), seq: row.seq });
    }
    return out;
  }

  /** Forgets this sign-in's epoch and derived keys (on lock). */
  wipe(): void {
    for (const chain of this.chainKeys.values()) {
      wipe(chain.mac);
      wipe(chain.refs);
    }
    this.chainKeys.clear();
    this.epoch = undefined;
  }
}
