// `vault check`, the case order index (case-order.ts) against the cases (red team round 4, N3).
// The index is what the Cases screen sorts and filters by; an insider holding the case-data key
// can rewrite it under an audit entry signed by their own key, so the audit log alone does not
// catch it. The listing already falls back to reading every case when the index disagrees; the
// check names the disagreement: a case missing from the index, an id listed that is no case or
// listed twice, an archived flag that differs from the case's own, chunks out of place.
// Collected during the check's one walk over the records (visit), judged at the end.
import { CASE_ORDER_KIND, type CaseOrderEntry } from './case-order';
import type { VaultProblem } from './check';

const NEXT =
  'Cases are listed from their own records while the index disagrees, so none is hidden; restore the newest backup, or report it.';

export class CaseOrderCheck {
  /** Each case's archived flag; null when its record exists but cannot be read here. */
  private readonly cases = new Map<string, boolean | null>();
  private readonly chunks: Array<{ id: string; chunk: unknown; entries: unknown }> = [];

  /** One readable record of the walk: keeps each case's archived flag and every index chunk. */
  visit(kind: string, id: string, value: unknown): void {
    if (kind === 'case') this.cases.set(id, (value as { archived?: unknown }).archived === true);
    else if (kind === CASE_ORDER_KIND) {
      const v = value as { chunk?: unknown; entries?: unknown };
      this.chunks.push({ id, chunk: v.chunk, entries: v.entries });
    }
  }

  /**
   * A record of the walk that cannot be read (altered, or its key is not held): a case is
   * still a case, so the index may list it; the record's own problem is reported by the walk.
   */
  present(kind: string, id: string): void {
    if (kind === 'case') this.cases.set(id, null);
  }

  /**
   * The named problems (kind 'record', id 'case-order' or the case id). `alreadyNamed`: record
   * ids the walk already reported (deleted, inserted, altered); the index disagreeing about those
   * follows from that one fault and is not reported twice.
   */
  problems(alreadyNamed: ReadonlySet<string> = new Set()): VaultProblem[] {
    const out: VaultProblem[] = [];
    const problem = (id: string, detail: string) =>
      out.push({ kind: 'record', id, detail: `${detail} ${NEXT}` });
    if (this.cases.size === 0 && this.chunks.length === 0) return out;
    const chunks = [...this.chunks].sort((a, b) => a.id.localeCompare(b.id));
    const entries: CaseOrderEntry[] = [];
    chunks.forEach((c, i) => {
      const expectedId = `case-order:${String(i).padStart(6, '0')}`;
      if (c.id !== expectedId || c.chunk !== i || !Array.isArray(c.entries))
        problem(
          c.id,
          `CASE_ORDER_CHUNK: the case order index chunk ${c.id} is out of place (expected ${expectedId}, chunk number ${i}) or not a list of cases: edited outside Hearth.`,
        );
      else entries.push(...(c.entries as CaseOrderEntry[]));
    });
    const listed = new Map<string, number>();
    for (const e of entries) {
      const caseId = typeof e?.caseId === 'string' ? e.caseId : '';
      listed.set(caseId, (listed.get(caseId) ?? 0) + 1);
      if (alreadyNamed.has(caseId)) continue;
      const archived = this.cases.get(caseId);
      if (archived === undefined)
        problem(
          'case-order',
          `CASE_ORDER_EXTRA: the case order index lists ${caseId === '' ? 'an entry without a case id' : `case ${caseId}`}, which is not a case of this vault: edited outside Hearth.`,
        );
      else if (archived !== null && e.archived !== archived)
        problem(
          caseId,
          `CASE_ORDER_ARCHIVED: the case order index marks case ${caseId} ${e.archived ? 'archived' : 'not archived'}, but the case itself is ${archived ? 'archived' : 'not archived'}: edited outside Hearth, which hides the case from the usual list or shows it there.`,
        );
    }
    for (const [caseId, n] of listed)
      if (n > 1 && this.cases.has(caseId))
        problem(
          caseId,
          `CASE_ORDER_DUPLICATE: the case order index lists case ${caseId} ${n} times: edited outside Hearth, which can push another case out of the list.`,
        );
    for (const caseId of this.cases.keys())
      if (!listed.has(caseId) && !alreadyNamed.has(caseId))
        problem(
          caseId,
          `CASE_ORDER_MISSING: case ${caseId} is not in the case order index: left out outside Hearth, which hides it from the Cases screen's order.`,
        );
    return out;
  }
}
