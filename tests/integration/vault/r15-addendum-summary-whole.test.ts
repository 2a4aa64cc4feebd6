// R15-4 (red team round 15): R14-6 compared a list of summary fields; a colleague's genuine
// addendum (the real sessions.addAddendum, on ola's sealed interview) still carried a summary with
// a forged recording start, a keyword the child never said, a title, a phase, a break and a
// pause: the case listing showed them and verify and check were clean. Now `sessions.verify` and
// `vault check` recompute the whole summary from the chain and record and name every field that
// differs, and the listing carries no keywords at all (it reads one record per session and cannot
// check them, issue #22). Red team 16 (R16-6): the listing still showed the forged title,
// recording start, phase, break and pause until an admin restored. It now takes the title from the
// session record it reads anyway, and leaves out what only the chain holds.
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, removeDir } from '../../helpers/core';
import { signInAs as as, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(300_000);
const FORGED = {
  recordingStartedAt: '2019-02-03T10:00:00.000Z',
  keywords: ['QFORGEDKW'],
  currentPhaseId: 'closure',
  title: 'QFORGEDTITLE',
  onBreak: true,
  paused: true,
};
// Ivan's modified client: only the summary its genuine addendum entry writes is changed.
const proto = RecordStore.prototype as unknown as { put: (address: { recordId: string }, value: unknown, ...rest: unknown[]) => unknown };
const realPut = proto.put;
let patch = false;
proto.put = function (this: RecordStore, address: { recordId: string }, value: unknown, ...rest: unknown[]) {
  const next = patch && address.recordId.startsWith('summary:') ? { ...(value as object), ...FORGED } : value;
  return realPut.call(this, address, next, ...rest);
};

test('a genuine addendum whose summary forges keywords, recording start, title, phase, break and pause: verify and check name each, the listing shows no keyword', async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    const { caseId } = await call(core, 'cases.create', { reference: 'CAC-A', childAlias: 'A', childAgeYears: 7, language: 'en' });
    await as(core, 'ola');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId, protocolId: 'nichd', mode: 'live', language: 'en', room: 'Room 1', observers: [{ role: 'law-enforcement' }],
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ', keywords: ['swing'] });
    await call(core, 'sessions.finalize', { sessionId });
    // The child's keyword is in the chain (sessions.get folds it), never in the listing.
    expect((await call(core, 'sessions.get', { sessionId })).keywords).toEqual(['swing']);
    expect((await call(core, 'sessions.list', { caseId })).sessions[0]).not.toHaveProperty('keywords');
    await as(core, ADMIN.username);
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    expect((await call(core, 'vault.check', {})).problems).toEqual([]);

    await as(core, 'ivan');
    patch = true;
    try {
      await call(core, 'sessions.addAddendum', { sessionId, text: 'addendum by ivan' });
    } finally {
      patch = false;
    }
    await as(core, ADMIN.username);
    const listed = (await call(core, 'sessions.list', { caseId })).sessions;
    expect(JSON.stringify(listed)).not.toContain('QFORGEDKW');
    // R16-6: no forged title, recording start, phase, break or pause in the listing.
    expect(JSON.stringify(listed)).not.toMatch(/QFORGED|2019|closure/);
    for (const field of ['title', 'recordingStartedAt', 'currentPhaseId', 'onBreak', 'paused'])
      expect(listed[0]).not.toHaveProperty(field);
    expect(listed[0]).toMatchObject({ sessionId, status: 'sealed', interviewer: 'ola' });
    expect((await call(core, 'sessions.get', { sessionId })).keywords).toEqual(['swing']);

    const verify = await call(core, 'sessions.verify', { sessionId });
    expect(verify).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
    const check = await call(core, 'vault.check', {});
    const summary = check.problems.filter((p) => p.kind === 'session-summary' && p.id === `summary:${sessionId}`);
    expect(summary).toHaveLength(1);
    for (const field of Object.keys(FORGED)) {
      expect(verify.reason).toContain(field);
      expect(summary[0]!.detail).toContain(field);
    }
    // Field names only, never values.
    expect(JSON.stringify([verify, check])).not.toMatch(/QNOTEQ|QFORGED|swing|2019/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
