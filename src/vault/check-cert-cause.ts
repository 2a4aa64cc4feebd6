// Findings that follow from one deleted staff certificate row (red team 26, R26-3 follow-on).
// One keyless DELETE of `certificate:<staff key>` made every audit entry that key signed read as
// uncertified, and vault check listed a dozen findings for that one cause (AUDIT_SIGNER_
// UNCERTIFIED_UNATTRIBUTED for each entry, AUDIT_AUTHOR_NOT_ALLOWED for each write, the records
// those entries wrote as RECORD_NOT_AUDITED or RECORD_UNREADABLE, a case "unblinded without the
// key", an allegation certificate "rebound", and the row itself as RECORD_MISSING) beside the
// CERTIFICATE_MISSING that names the cause. Now those findings are counted under the cause: the
// CERTIFICATE_MISSING finding carries `values.dependent` (how many) and the report lists it
// alone. What counts as dependent, by what the finding names (never by wording):
//   - an audit finding about an entry the key signed (its id, `values.entry` or `values.bound`);
//   - a record or role finding about a record such an entry wrote (by the entry's references);
//   - RECORD_MISSING of the deleted row itself.
// A finding about anything else (another key, another entry, a record no such entry wrote) is
// listed as before. Restoring the row (the newest backup) makes the dependents go away; the
// check after the restore judges that key's entries in full.
import { HearthError } from './errors';
import type { AuditRecordRef } from './audit';
import type { RecordStore } from './records';
import { listUserProfiles } from './users';
import { readCentreKey } from './centre-key';

/** What the collapse reads of a finding (VaultProblem). */
export interface CausedFinding {
  kind: string;
  id: string;
  code?: string;
  values?: Record<string, string | number>;
}

export class DeletedCertificateCauses {
  /** Staff public key (hex) -> its deleted certificate row id. */
  private readonly rows = new Map<string, string>();
  /** Audit entry -> the key (with a deleted row) that signed it. */
  private readonly entries = new Map<number, string>();
  /** Record id -> the key whose entry wrote it. */
  private readonly written = new Map<string, string>();
  /** Key -> how many findings were counted under it. */
  private readonly counts = new Map<string, number>();

  /** `rows`: staff public key (hex) -> its certificate row id, for keys whose row is gone. */
  constructor(rows: ReadonlyMap<string, string> = new Map()) {
    for (const [key, row] of rows) this.rows.set(key, row);
  }

  /**
   * The keys of current users whose certificate row is gone (what certificateProblems names
   * CERTIFICATE_MISSING). Reads profiles only; a vault whose profiles do not read has none here.
   */
  static of(records: RecordStore): DeletedCertificateCauses {
    const rows = new Map<string, string>();
    // Without the centre key certificateProblems names CENTRE_KEY_MISSING only: no cause here.
    if (!readCentreKey(records)) return new DeletedCertificateCauses(rows);
    try {
      for (const profile of listUserProfiles(records)) {
        const row = `certificate:${profile.signPublicKey}`;
        if (!records.has(row)) rows.set(profile.signPublicKey, row);
      }
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
    }
    return new DeletedCertificateCauses(rows);
  }

  /** Whether there is a deleted row to collapse under (else nothing is diverted). */
  get active(): boolean {
    return this.rows.size > 0;
  }

  /**
   * The entries without a certified signer (the check's `uncertified` map, after the walk),
   * with the staff key in each entry's clear column: those signed by a key with a deleted row,
   * and the records they wrote, become that key's dependents.
   */
  noteEntries(
    uncertified: ReadonlyMap<number, { refs: readonly AuditRecordRef[] }>,
    signerKeyAt: (seq: number) => string | undefined,
  ): void {
    if (!this.active) return;
    for (const [seq, touched] of uncertified) {
      const key = signerKeyAt(seq);
      if (key === undefined || !this.rows.has(key)) continue;
      this.entries.set(seq, key);
      for (const ref of touched.refs) if (!this.written.has(ref.id)) this.written.set(ref.id, key);
    }
  }

  /** The key `finding` follows from, or undefined when it is not a dependent (see the header). */
  causeOf(finding: CausedFinding): string | undefined {
    if (!this.active || finding.code === 'CERTIFICATE_MISSING') return undefined;
    if (finding.code === 'RECORD_MISSING')
      for (const [key, row] of this.rows) if (finding.id === row) return key;
    const values = finding.values ?? {};
    for (const n of [values.entry, values.bound]) {
      const key = typeof n === 'number' ? this.entries.get(n) : undefined;
      if (key !== undefined) return key;
    }
    if (finding.kind === 'audit' && /^\d+$/.test(finding.id)) {
      const key = this.entries.get(Number(finding.id));
      if (key !== undefined) return key;
    }
    if (finding.kind === 'record' || finding.kind === 'role') {
      const id = finding.kind === 'role' ? finding.id.replace(/@\d+$/, '') : finding.id;
      return this.written.get(id);
    }
    return undefined;
  }

  /** Counts `finding` under its cause; true when it was (the caller then does not list it). */
  divert(finding: CausedFinding): boolean {
    const key = this.causeOf(finding);
    if (key === undefined) return false;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return true;
  }

  /**
   * A CERTIFICATE_MISSING finding for each cause that counted findings but is not among
   * `listed` (its pass stopped, or it was beyond the kept examples): what was counted is never
   * dropped without its cause named. Push these before `annotate`.
   */
  unlisted(listed: readonly CausedFinding[]): Array<CausedFinding & { detail: string }> {
    const named = new Set(
      listed.filter((f) => f.code === 'CERTIFICATE_MISSING').map((f) => f.values?.row),
    );
    return [...this.rows]
      .filter(([key, row]) => (this.counts.get(key) ?? 0) > 0 && !named.has(row))
      .map(([, row]) => ({
        kind: 'certificate',
        id: row,
        code: 'CERTIFICATE_MISSING',
        values: { row },
        detail: `the certificate row ${row} was deleted outside Hearth: until it is back (restore the newest backup), the work its key signed reads as uncertified`,
      }));
  }

  /**
   * Fills in each listed CERTIFICATE_MISSING finding's `values.dependent` (0 when none) and
   * says the count in its English detail. Call once, after every pass.
   */
  annotate(findings: ReadonlyArray<CausedFinding & { detail: string }>): void {
    for (const f of findings) {
      if (f.code !== 'CERTIFICATE_MISSING') continue;
      const row = f.values?.row;
      const key = [...this.rows].find(([, r]) => r === row)?.[0];
      const dependent = key === undefined ? 0 : (this.counts.get(key) ?? 0);
      f.values = { ...f.values, dependent };
      if (dependent > 0)
        (f as { detail: string }).detail +=
          ` (${dependent} other finding${dependent === 1 ? '' : 's'} of this check follow from it and are counted here, not listed: restore the newest backup, then run the check again)`;
    }
  }
}
