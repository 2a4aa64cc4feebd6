// Red team round 12 (R12-6): the export counter `exports:<session>` is written only by an export's
// commit, one version up; anything else is named with its entry and signer, and the counter is
// compared with the export commits the audit log records.
import { ExportCountCheck } from '../../../src/vault/check-export-count';
import type { AuditedVersion } from '../../../src/vault/check-ledger';

const ID = 'exports:s1';
const HASH = 'ab'.repeat(32);

/** Feeds entries as `vault check` does: the ledger learns each ref after the check saw it. */
function run(entries: Array<[number, number, string, string, string?]>): ExportCountCheck {
  const ledger = new Map<string, AuditedVersion>();
  const check = new ExportCountCheck((id) => ledger.get(id));
  for (const [seq, version, signer, action, hash = HASH] of entries) {
    const refs = [{ id: ID, seq: version, hash }];
    check.visit(seq, refs, signer, action);
    for (const r of refs) ledger.set(r.id, { seq: r.seq, hash: r.hash, auditSeq: seq });
  }
  return check;
}

test('honest exports: no finding', () => {
  expect(run([[5, 1, 'ola', 'export.sealed'], [9, 2, 'ola', 'export.sealed']]).problems(() => 2, [ID])).toEqual([]);
});

test('a write by another action, a removal or a jump is EXPORT_COUNT_REWRITTEN with its signer; the count is compared', () => {
  const check = run([
    [5, 1, 'ola', 'export.sealed'],
    [6, 2, 'ivan', 'cases.update'],
    [7, 9, 'ivan', 'export.sealed'],
    [8, 9, 'ivan', 'export.sealed', ''],
  ]);
  const problems = check.problems(() => 0, []);
  expect(problems.filter((p) => p.code === 'EXPORT_COUNT_REWRITTEN').map((p) => p.values)).toEqual([
    { entry: 6, signer: 'ivan' },
    { entry: 7, signer: 'ivan' },
    { entry: 8, signer: 'ivan' },
  ]);
  expect(problems.filter((p) => p.code === 'EXPORT_COUNT_MISMATCH').map((p) => p.values)).toEqual([
    { counter: 0, commits: 1 },
  ]);
});

test('a restart at 1 over a vouched counter is counted and named as where the count restarted', () => {
  const check = run([[5, 1, 'ola', 'export.sealed'], [9, 2, 'ola', 'export.sealed'], [12, 1, 'ola', 'export.sealed']]);
  const problems = check.problems(() => 1, [ID]);
  expect(problems.map((p) => p.code)).toEqual(['EXPORT_COUNT_MISMATCH']);
  expect(problems[0]!.values).toEqual({ counter: 1, commits: 3 });
  expect(problems[0]!.detail).toContain('restarted at 1 in audit entry 12 (signed by ola)');
});
