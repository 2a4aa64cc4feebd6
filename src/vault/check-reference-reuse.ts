// A case reference given again while the case that held it is gone from the file (sec61, red
// team 26, R26-5). sec59's reference history refuses such a reference at creation through a
// pointer row in `audit_index` (reference-history.ts); that row can be deleted without a key,
// and with it gone (and the case row and its order rows) the reference was free again: two
// children under one reference, and vault check named only the deleted case. Now the entry that
// gives a case a reference seals the reference's tag in its detail (keyed, no
// reference in the clear: `refTag`, reference-history.ts referenceEntryTag), and this pass of the check's audit walk follows each tag: a tag given
// to a case while the case it was last given to still held it (no later entry gave that case
// another reference) is a reuse; when that earlier case is no longer in the file, it is named
// REFERENCE_REUSED (the new case, the earlier case, both entries). A reuse where both cases are
// still there is BLIND_INDEX_DUPLICATE's (check-blind-duplicates.ts), not named twice.
// Limits: entries written before sec61 carry no tag (their references are not followed); the
// tag is keyed by the blind-index key current at the write, so a reference given before a
// rotation of that key and again after it is not matched.
import type { AuditEntry, AuditRecordRef } from './audit';

/** The entries that give a case a reference (create; an update that changes it). */
const GIVING = new Set(['cases.create', 'cases.update']);

export interface ReferenceReuse {
  /** The case given the reference again, and the entry that gave it. */
  caseId: string;
  entry: number;
  /** The case that held it (gone from the file), and the entry that gave it that reference. */
  other: string;
  firstEntry: number;
}

export class ReferenceReuseCheck {
  /** Tag -> the case it was last given to and the entry that gave it. */
  private readonly holder = new Map<string, { caseId: string; entry: number }>();
  /** Case id -> the tag it was last given. */
  private readonly current = new Map<string, string>();
  private readonly reuses: ReferenceReuse[] = [];

  /** One audit entry of the walk (its body and the record references it wrote). */
  visit(
    seq: number,
    body: AuditEntry | undefined,
    refs: readonly AuditRecordRef[] | undefined,
  ): void {
    if (!body || !GIVING.has(body.action)) return;
    const tag = body.detail?.refTag;
    if (typeof tag !== 'string') return;
    const written = refs?.find(
      (r) => r.id.startsWith('case_') && !r.id.includes(':') && r.hash !== '',
    );
    if (!written) return;
    const caseId = written.id;
    const before = this.holder.get(tag);
    if (before && before.caseId !== caseId && this.current.get(before.caseId) === tag)
      this.reuses.push({ caseId, entry: seq, other: before.caseId, firstEntry: before.entry });
    this.current.set(caseId, tag);
    this.holder.set(tag, { caseId, entry: seq });
  }

  /** The reuses whose earlier case is gone from the file (`has`: the record is there). */
  problems(has: (recordId: string) => boolean): ReferenceReuse[] {
    return this.reuses.filter((r) => !has(r.other));
  }
}
