// The case order index check (src/vault/check-case-order.ts) on hand-made walks: each kind of
// disagreement is named once, and an index that matches its cases gives nothing.
import { CaseOrderCheck } from '../../src/vault/check-case-order';

const entry = (caseId: string, archived = false) => ({ caseId, createdAt: '2026-01-01', archived });

function run(
  cases: Array<[string, boolean]>,
  chunks: Array<{ id: string; chunk: number; entries: unknown }>,
): string[] {
  const check = new CaseOrderCheck();
  for (const [id, archived] of cases) check.visit('case', id, { archived });
  for (const c of chunks) check.visit('case-order', c.id, { chunk: c.chunk, entries: c.entries });
  check.visit('session', 's1', {});
  return check.problems().map((p) => p.detail.split(':')[0] as string);
}

test('an index that matches its cases, and an empty vault: no problem', () => {
  expect(run([], [])).toEqual([]);
  expect(
    run(
      [
        ['c1', false],
        ['c2', true],
      ],
      [{ id: 'case-order:000000', chunk: 0, entries: [entry('c1'), entry('c2', true)] }],
    ),
  ).toEqual([]);
});

test('each disagreement is named', () => {
  expect(
    run(
      [
        ['c1', false],
        ['c2', false],
        ['c3', false],
      ],
      [
        {
          id: 'case-order:000000',
          chunk: 0,
          entries: [entry('c1'), entry('c1'), entry('c2', true), entry('ghost')],
        },
      ],
    ).sort(),
  ).toEqual(
    [
      'CASE_ORDER_ARCHIVED',
      'CASE_ORDER_DUPLICATE',
      'CASE_ORDER_EXTRA',
      'CASE_ORDER_MISSING',
    ].sort(),
  );
  expect(
    run([['c1', false]], [{ id: 'case-order:000001', chunk: 1, entries: [entry('c1')] }]),
  ).toEqual(['CASE_ORDER_CHUNK', 'CASE_ORDER_MISSING']);
  expect(run([['c1', false]], [])).toEqual(['CASE_ORDER_MISSING']);
});
