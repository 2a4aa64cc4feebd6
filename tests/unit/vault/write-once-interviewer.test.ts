// Red team round 9 (R9-3): `vault check` took a session's interviewer from its summary, which
// every writer rewrites. A colleague's client that wrote `interviewer: ivan` into ola's summary
// made the check blame ola and stay silent about ivan. The interviewer now comes from the signer
// of the entry that first wrote the summary (the session's start), and a summary naming someone
// else is itself flagged.
import { WriteOnceCheck } from '../../../src/vault/write-once';

const SUMMARY = 'summary:s1';
const ref = (seq: number) => [{ id: SUMMARY, seq, hash: 'ab'.repeat(32) }];

function olaStartsIvanWrites(): WriteOnceCheck {
  const check = new WriteOnceCheck();
  check.visit(10, ref(1), 'ola', 'sessions.start');
  check.visit(11, ref(2), 'ola', 'sessions.addNote');
  check.visit(20, ref(3), 'ivan', 'sessions.addNote');
  check.visit(21, ref(4), 'ivan', 'sessions.finalize');
  return check;
}

test('R9-3: the summary rewritten to name ivan: ivan is named, ola is not blamed, the rewrite is flagged', () => {
  const problems = olaStartsIvanWrites().problems(() => 'ivan');
  const details = problems.map((p) => p.detail);
  expect(problems.map((p) => p.seq).sort()).toEqual([10, 20, 21]);
  expect(details.filter((d) => d.includes('signed by ola'))).toEqual([]);
  expect(details.filter((d) => d.includes("into ola's interview but is signed by ivan"))).toHaveLength(2);
  expect(details.find((d) => d.includes('started by ola'))).toContain('names ivan as the interviewer');
});

test('R9-3: an untouched summary: only the colleague entries are flagged', () => {
  const problems = olaStartsIvanWrites().problems(() => 'ola');
  expect(problems.map((p) => p.seq).sort()).toEqual([20, 21]);
});

test('no admin exception for a seal: an admin writing the seal into a live interview is flagged (R9-1)', () => {
  const check = new WriteOnceCheck();
  check.visit(10, ref(1), 'ola', 'sessions.start');
  check.visit(12, ref(2), 'admin', 'sessions.finalize');
  check.visit(13, ref(3), 'admin', 'sessions.addAddendum');
  // Only the interviewer's own finalize is the seal (R9-2), so the interview is still live when
  // the admin's addendum is written: both entries are writes into ola's live interview.
  expect(check.problems(() => 'ola').map((p) => p.seq)).toEqual([12, 13]);
});

// Red team round 12 (R12-1): an entry's action is its signer's own word. After the seal a
// colleague's summary write is excused only when the same entry writes one new event at the next
// position and that event is an addendum by the entry's signer.
describe('R12-1: the addendum exemption needs a genuine addendum entry', () => {
  const HASH = 'cd'.repeat(32);
  const event = (n: number) => ({ id: `s1:${String(n).padStart(10, '0')}`, seq: n, hash: HASH });
  function sealedThen(extra: Array<{ id: string; seq: number; hash: string }>): WriteOnceCheck {
    const check = new WriteOnceCheck();
    check.visit(10, [event(1), ...ref(1)], 'ola', 'sessions.start');
    check.visit(11, [event(2), ...ref(2)], 'ola', 'sessions.addNote');
    check.visit(12, [event(3), ...ref(3)], 'ola', 'sessions.finalize');
    check.visit(20, [...extra, ...ref(4)], 'ivan', 'sessions.addAddendum');
    return check;
  }

  test('an addendum event of his at the next position: excused', () => {
    const problems = sealedThen([event(4)]).problems(() => 'ola', () => ({ type: 'addendum', by: 'ivan' }));
    expect(problems).toEqual([]);
  });

  test('no event, a note, an addendum under another name, or a skipped position: named', () => {
    const cases: Array<[Array<{ id: string; seq: number; hash: string }>, { type: string; by: string }]> = [
      [[], { type: 'addendum', by: 'ivan' }],
      [[event(4)], { type: 'note', by: 'ivan' }],
      [[event(4)], { type: 'addendum', by: 'ola' }],
      [[event(5)], { type: 'addendum', by: 'ivan' }],
    ];
    for (const [extra, now] of cases) {
      const problems = sealedThen(extra).problems(() => 'ola', () => now);
      expect(problems.map((p) => p.seq)).toEqual([20]);
      expect(problems[0]!.detail).toContain('it calls itself an addendum');
    }
  });

  test('R12-5: a summary whose count is below the highest event written names its last writer', () => {
    const check = sealedThen([event(4)]);
    check.visit(30, ref(5), 'rita', 'sessions.addAddendum');
    expect(check.loweredCounts(() => 3)).toEqual([
      { sessionId: 's1', count: 3, highest: 4, highestAt: 20, write: { seq: 30, signer: 'rita', action: 'sessions.addAddendum' } },
    ]);
    expect(check.loweredCounts(() => 4)).toEqual([]);
  });
});

// Key certificates (R14-4) make an admin the first to sign in after an upgrade, so the upgrade's
// summary backfill is signed by the admin. It is not the start of a session made before summaries
// existed, and must not make the check name the interviewer's own summary as rewritten.
describe('the upgrade backfill of a legacy session summary', () => {
  test('signed by an admin as the first summary write, it names nobody', () => {
    const check = new WriteOnceCheck();
    check.visit(99, ref(1), 'admin', 'sessions.summaryBuilt');
    expect(check.problems(() => 'ivan')).toEqual([]);
  });

  test('a backfill claimed after the summary exists is judged as a write into the interview', () => {
    const check = new WriteOnceCheck();
    check.visit(10, ref(1), 'ola', 'sessions.start');
    check.visit(20, ref(2), 'ivan', 'sessions.summaryBuilt');
    const problems = check.problems(() => 'ola');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ seq: 20, id: SUMMARY });
  });
});
