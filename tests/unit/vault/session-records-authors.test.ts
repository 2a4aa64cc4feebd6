// Red team round 11 (R11-3, R11-4): who may write which record, as `vault check` judges an
// audit entry's signer. The address book, planning, export counters and referrals follow the
// role table (roles.ts); a claim that a session's event was removed or re-written counts only
// from the session's interviewer or an administrator.
import { authorRoleProblem } from '../../../src/vault/check-author-role';
import { mayClaimSessionRewrite, SessionClaimCheck } from '../../../src/vault/session-claims';

const SESSION = `sess_${'a'.repeat(32)}`;
const CASE = `case_${'b'.repeat(32)}`;

test.each([
  [`recipient:rcp_${'c'.repeat(24)}`, 'reviewer', 'only roles that write cases write it'],
  [`planning:${CASE}`, 'reviewer', 'only roles that write cases write it'],
  [`planning-blind:${CASE}`, 'trainer', 'only roles that write cases write it'],
  [`exports:${SESSION}`, 'reviewer', 'only roles that write cases write it'],
  [`referrals:${CASE}`, 'reviewer', 'only roles that plan cases or follow up referrals write it'],
  [SESSION, 'advocate', 'only roles that hold the case or practice key write a session'],
  [
    `${SESSION}:0000000003`,
    'advocate',
    'only roles that hold the case or practice key write a session',
  ],
  [
    `summary:${SESSION}`,
    'advocate',
    'only roles that hold the case or practice key write a session',
  ],
] as const)('%s written by a %s is named: %s', (id, role, why) => {
  expect(authorRoleProblem(id, 'someone', role)).toBe(why);
});

test.each([
  [`recipient:rcp_${'c'.repeat(24)}`, 'interviewer'],
  [`referrals:${CASE}`, 'advocate'],
  [`exports:${SESSION}`, 'admin'],
  [SESSION, 'trainer'],
  [`${SESSION}:0000000002`, 'reviewer'],
] as const)('%s written by a %s passes the role policy', (id, role) => {
  expect(authorRoleProblem(id, 'someone', role)).toBeUndefined();
});

test('a removal claim counts from the interviewer or an admin, not from anyone else', () => {
  const base = { interviewer: 'ola' };
  expect(mayClaimSessionRewrite({ ...base, signer: 'ola', role: 'interviewer' })).toBe(true);
  expect(mayClaimSessionRewrite({ ...base, signer: 'ada', role: 'admin' })).toBe(true);
  expect(mayClaimSessionRewrite({ ...base, signer: 'tara', role: 'trainer' })).toBe(false);
  expect(mayClaimSessionRewrite({ ...base, signer: 'ivan', role: 'interviewer' })).toBe(false);
  expect(mayClaimSessionRewrite({ ...base, signer: undefined, role: undefined })).toBe(false);
  // Entries from before signed audit, and sessions whose start is unsigned, count as before.
  expect(
    mayClaimSessionRewrite({ ...base, signer: undefined, role: undefined, legacy: true }),
  ).toBe(true);
  expect(mayClaimSessionRewrite({ interviewer: undefined, signer: 'tara', role: 'trainer' })).toBe(
    true,
  );
});

test("vault check's claim scan keeps the interviewer's refs and names every removal claim, the interviewer's too", () => {
  const written = new Set<string>();
  const check = new SessionClaimCheck((id) => written.has(id));
  const start = [
    { id: SESSION, hash: 'h0' },
    { id: `${SESSION}:0000000001`, hash: 'h1' },
  ];
  expect(check.refsThatCount(1, start, 'ola', 'interviewer', 'sessions.start')).toEqual(start);
  written.add(`${SESSION}:0000000001`);
  const seal = [{ id: `${SESSION}:0000000002`, hash: 'h2' }];
  expect(check.refsThatCount(2, seal, 'ola', 'interviewer', 'sessions.finalize')).toEqual(seal);
  written.add(`${SESSION}:0000000002`);
  const removal = [{ id: `${SESSION}:0000000002`, hash: '' }];
  expect(check.refsThatCount(3, removal, 'alma', 'advocate', 'training.start')).toEqual([]);
  const rewrite = [{ id: SESSION, hash: 'forged' }];
  expect(check.refsThatCount(4, rewrite, 'rita', 'reviewer', 'sessions.update')).toEqual([]);
  // Even the interviewer's own removal claim does not count: Hearth never removes an event
  // (red team 14, R14-5); it is named, so the event is checked as first written.
  expect(check.refsThatCount(5, removal, 'ola', 'interviewer', 'sessions.addNote')).toEqual([]);
  expect(check.problems.map((p) => [p.seq, p.signer, p.role])).toEqual([
    [3, 'alma', 'advocate'],
    [4, 'rita', 'reviewer'],
    [5, 'ola', 'interviewer'],
  ]);
  expect(check.problems[0]!.detail).toMatch(
    /claims to remove event .*:0000000002 of ola's session, but it is signed by alma \(advocate\)/,
  );
  expect(check.problems[1]!.detail).toMatch(
    /writes the record of ola's session .* signed by rita \(reviewer\)/,
  );
});
