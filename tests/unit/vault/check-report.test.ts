// perf22: the check report's collector keeps an exact count per code and at most 20 findings of
// each, in the order found; merging a report into another (the vault layer's into the API's)
// keeps the counts exact and the examples bounded.
import { EXAMPLES_PER_GROUP, FindingGroups } from '../../../src/vault/check-report';

const finding = (code: string | undefined, i: number) => ({
  kind: code === undefined ? 'sqlite' : 'role',
  id: `${code ?? 'db'}-${i}`,
  ...(code !== undefined ? { code } : {}),
});

test('counts every finding, keeps the first 20 of each code in the order found, largest group first', () => {
  const groups = new FindingGroups<ReturnType<typeof finding>>();
  groups.add(finding('SLOT_EDITED', 0));
  for (let i = 0; i < 60_000; i++) groups.add(finding('KEY_VERSION_UNCERTIFIED', i));
  groups.add(finding(undefined, 0));
  groups.add(finding('SLOT_EDITED', 1));
  expect(groups.total).toBe(60_003);
  expect(groups.summary()).toEqual([
    { code: 'KEY_VERSION_UNCERTIFIED', kind: 'role', count: 60_000, listed: EXAMPLES_PER_GROUP },
    { code: 'SLOT_EDITED', kind: 'role', count: 2, listed: 2 },
    { kind: 'sqlite', count: 1, listed: 1 },
  ]);
  const ids = groups.examples().map((f) => f.id);
  expect(ids).toHaveLength(EXAMPLES_PER_GROUP + 3);
  expect(ids.slice(0, 3)).toEqual([
    'SLOT_EDITED-0',
    'KEY_VERSION_UNCERTIFIED-0',
    'KEY_VERSION_UNCERTIFIED-1',
  ]);
  expect(ids.slice(-2)).toEqual(['db-0', 'SLOT_EDITED-1']);
});

test('absorbing a report adds its counts exactly, its examples up to the bound, and new findings after', () => {
  const inner = new FindingGroups<ReturnType<typeof finding>>();
  for (let i = 0; i < 1_000; i++) inner.add(finding('RECORD_NOT_AUDITED', i));
  const outer = new FindingGroups<ReturnType<typeof finding>>();
  outer.absorb({ problems: inner.examples(), groups: inner.summary() });
  for (let i = 0; i < 5; i++) outer.add(finding('RECORD_NOT_AUDITED', 1_000 + i));
  outer.add(finding('SEAL', 0));
  expect(outer.total).toBe(1_006);
  expect(outer.summary()).toEqual([
    { code: 'RECORD_NOT_AUDITED', kind: 'role', count: 1_005, listed: EXAMPLES_PER_GROUP },
    { code: 'SEAL', kind: 'role', count: 1, listed: 1 },
  ]);
  expect(outer.examples().filter((f) => f.code === 'RECORD_NOT_AUDITED')).toEqual(inner.examples());
  // A report without groups (a caller before perf22) is every finding: each counted once.
  const old = new FindingGroups<ReturnType<typeof finding>>();
  old.absorb({ problems: [finding('SLOT_EDITED', 0), finding('SLOT_EDITED', 1)] });
  expect(old.summary()).toEqual([{ code: 'SLOT_EDITED', kind: 'role', count: 2, listed: 2 }]);
});
