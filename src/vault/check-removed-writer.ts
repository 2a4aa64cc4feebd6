// Writes made with what a user held before their removal (red team round 13, R13-1). A removed
// user keeps her old copy of the file: the old versions of every key she could reach (rotation
// wraps them under the new ones, so anything sealed under them stays readable to everyone), the
// old audit chain key, and her signing key (its certificate withdrawn). With those she could
// write a new version of a case record, open an audit epoch under the old chain key and sign its
// entry, and `vault check` found nothing. What the audit log can tell, named here:
// (1) an entry signed by a key after the entry that withdrew that key's certificate (the order
//     of the log, not the entry's claimed time: she can backdate `at`);
// (2) entries appended under a chain-key version older than one already used by an earlier
//     entry (Hearth opens every epoch under the current chain key, and rotation only goes up);
// (3) a record whose audited write comes after the removal that rotated its key, sealed under
//     the superseded version (the removal's entry lists the versions it made, `detail.rotated`).
import type { Database } from 'better-sqlite3';
import type { AuditRecordRef } from './audit';
import { CERTIFICATES_CONTAINER, type CertificateRecord } from './certificates';
import { statement } from './db';
import { tryParseKeyId } from './key-store';
import type { RecordStore } from './records';

const CERT_PREFIX = 'certificate:';

/** A finding of this module, shaped as `vault check`'s problems (kind, id, code, values, detail). */
export interface RemovedWriterProblem {
  kind: 'audit' | 'record';
  id: string;
  code: 'SIGNER_WITHDRAWN' | 'AUDIT_STALE_CHAIN_KEY' | 'STALE_KEY_VERSION';
  values: Record<string, string | number>;
  detail: string;
}

/** Joins the key versions a removal made, for its audit entry's `detail.rotated`. */
export function rotatedDetail(newIds: Iterable<string>): string {
  return [...newIds].sort().join(',');
}

/**
 * Collects, during `vault check`'s one audit walk, the facts above; judged with `problems`.
 * Memory: one entry per withdrawn certificate and per rotated key, and the few entries named.
 */
export class RemovedWriterCheck {
  /** Withdrawn certificates: staff key (hex) -> the record version that carries the withdrawal. */
  private readonly withdrawnVersion = new Map<string, number>();
  /** Staff key (hex) -> the audit entry that wrote its withdrawal. */
  private readonly withdrawnAt = new Map<string, number>();
  /** Logical key -> the newest version a removal made and that removal's entry. */
  private readonly supersededAt = new Map<string, { version: number; seq: number }>();
  private readonly found: RemovedWriterProblem[] = [];
  /** Entries under a stale chain key (seq -> epoch, its chain key, the newer one). */
  private readonly stale: Map<number, { epoch: number; chainKey: string; newer: string }>;

  constructor(records: RecordStore, db: Database) {
    for (const r of records.list<CertificateRecord>('certificate', CERTIFICATES_CONTAINER).records)
      if (r.value.withdrawal)
        this.withdrawnVersion.set(r.value.certificate.statement.publicKey, r.address.seq);
    this.stale = staleChainEntries(db);
  }

  /** One audit entry, in log order (the walk's visit, with its signer's staff key). */
  visit(
    seq: number,
    refs: AuditRecordRef[] | undefined,
    body: { action?: string; detail?: Record<string, unknown> } | undefined,
    signer: string | undefined,
    signerKey: string | undefined,
  ): void {
    if (signerKey !== undefined) {
      const withdrawn = this.withdrawnAt.get(signerKey);
      if (withdrawn !== undefined && seq > withdrawn) {
        const who = signer ?? 'no certified user';
        this.found.push({
          kind: 'audit',
          id: String(seq),
          code: 'SIGNER_WITHDRAWN',
          values: { entry: seq, signer: who, withdrawnAt: withdrawn },
          detail: `audit entry ${seq} is signed by ${who}'s staff key, whose certificate was withdrawn earlier in the log (audit entry ${withdrawn}): a removed or withdrawn key wrote it after its withdrawal, whatever time the entry claims. Do not trust what it wrote; restore the newest backup or report it`,
        });
      }
    }
    const stale = this.stale.get(seq);
    if (stale)
      this.found.push({
        kind: 'audit',
        id: String(seq),
        code: 'AUDIT_STALE_CHAIN_KEY',
        values: {
          entry: seq,
          epoch: stale.epoch,
          chainKey: stale.chainKey,
          newer: stale.newer,
          signer: signer ?? 'no certified key',
        },
        detail: `audit entry ${seq} (epoch ${stale.epoch}, signed by ${signer ?? 'no certified key'}) is chained with ${stale.chainKey}, but an earlier entry already used ${stale.newer}: Hearth always opens an epoch under the current chain key, so someone who kept an old chain key (a removed user's old copy) appended it. Restore the newest backup or report it`,
      });
    for (const ref of refs ?? []) {
      if (!ref.id.startsWith(CERT_PREFIX) || ref.hash === '') continue;
      const key = ref.id.slice(CERT_PREFIX.length);
      if (this.withdrawnVersion.get(key) === ref.seq && !this.withdrawnAt.has(key))
        this.withdrawnAt.set(key, seq);
    }
    const rotated = body?.action === 'users.remove' ? body.detail?.rotated : undefined;
    if (typeof rotated === 'string')
      for (const id of rotated.split(',').filter((s) => s !== '')) {
        const parsed = tryParseKeyId(id);
        if (parsed) this.supersededAt.set(parsed.logical, { version: parsed.version, seq });
      }
  }

  /**
   * A record's current row (key version as stored) against the removals: sealed under a version
   * a removal superseded, by a write the log puts after that removal.
   */
  visitRecord(id: string, keyRef: string, auditSeq: number | undefined): void {
    // A malformed key reference (R16-3) is named by check-key-rows.ts, not here.
    const parsed = auditSeq === undefined ? undefined : tryParseKeyId(keyRef);
    if (auditSeq === undefined || !parsed) return;
    const { logical, version } = parsed;
    const rotation = this.supersededAt.get(logical);
    if (!rotation || version >= rotation.version || auditSeq <= rotation.seq) return;
    this.found.push({
      kind: 'record',
      id,
      code: 'STALE_KEY_VERSION',
      values: { entry: auditSeq, key: keyRef, rotatedAt: rotation.seq },
      detail: `was written in audit entry ${auditSeq} under ${keyRef}, a key version the removal in audit entry ${rotation.seq} replaced: Hearth writes only under the current version, so someone who kept the old key (a removed user's old copy) wrote it. Do not trust it; restore the newest backup or report it`,
    });
  }

  /** Everything named. */
  problems(): RemovedWriterProblem[] {
    return this.found;
  }
}

/**
 * Entries whose epoch's chain key is an older version of the chain key than one an earlier
 * entry used. One pass over the log's clear columns (no decryption).
 */
function staleChainEntries(
  db: Database,
): Map<number, { epoch: number; chainKey: string; newer: string }> {
  const out = new Map<number, { epoch: number; chainKey: string; newer: string }>();
  let newest: { version: number; id: string } | undefined;
  const rows = statement(
    db,
    `SELECT a.seq AS seq, a.epoch AS epoch, e.chain_key_id AS chain FROM audit_log a
     JOIN audit_epochs e ON e.epoch = a.epoch ORDER BY a.seq`,
  ).iterate() as IterableIterator<{ seq: number; epoch: number; chain: string }>;
  for (const row of rows) {
    // A malformed key id: the chain check names the entry, check-key-rows.ts the row.
    const version = tryParseKeyId(row.chain)?.version;
    if (version === undefined) continue;
    if (newest && version < newest.version)
      out.set(row.seq, { epoch: row.epoch, chainKey: row.chain, newer: newest.id });
    else if (!newest || version > newest.version) newest = { version, id: row.chain };
  }
  return out;
}
