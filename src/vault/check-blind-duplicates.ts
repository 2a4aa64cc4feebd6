// Case references taken twice (red team 24, R24-3): records_by_blind_index is the UNIQUE index
// that refuses a second case with the same reference, and it can be rebuilt outside Hearth (no
// key) to leave a case out, its SQL text put back. Before sec55 a duplicate was then accepted,
// and vault check named only INDEX_DISAGREES, advising SQLite's REINDEX, which fails while the
// duplicate exists ("UNIQUE constraint failed"). cases.ts now refuses the duplicate whatever the
// index says; this names the pairs an older Hearth (or a forged write) left in the file, and
// tells what to do instead of a REINDEX. Blind index values only: never the reference.
import { toHex } from './encoding';
import type { VaultProblem } from './check';
import type { Vault } from './vault';

/**
 * One finding per case whose case-reference index equals an earlier case's (ids in id order),
 * naming that earlier case. `cases`: every case record's id and stored blind index (the check's
 * record pass collects them).
 */
export function duplicateReferenceProblems(
  cases: ReadonlyArray<{ id: string; index: Uint8Array | null }>,
): VaultProblem[] {
  const first = new Map<string, string>();
  const out: VaultProblem[] = [];
  for (const c of [...cases].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!c.index) continue;
    const key = toHex(c.index);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, c.id);
      continue;
    }
    out.push({
      kind: 'blind-index',
      id: c.id,
      code: 'BLIND_INDEX_DUPLICATE',
      values: { other: earlier },
      detail: `has the same case reference as case ${earlier}: it was saved while the index that refuses duplicate references (records_by_blind_index) was damaged outside Hearth. SQLite's REINDEX cannot rebuild that index while both exist. Change the reference of one of the two cases, then restore or rebuild the index`,
    });
  }
  return out;
}

/**
 * Whether the records table holds two rows of one kind with the same blind index, counted without
 * any index (a scan of the table, run only when records_by_blind_index already disagrees with it):
 * then a REINDEX of that index fails, and the check must not advise it.
 */
export function blindIndexHasDuplicates(db: Vault['db']): boolean {
  return (
    db
      .prepare(
        'SELECT 1 FROM records WHERE +blind_index IS NOT NULL GROUP BY +kind, +blind_index HAVING count(*) > 1 LIMIT 1',
      )
      .get() !== undefined
  );
}
