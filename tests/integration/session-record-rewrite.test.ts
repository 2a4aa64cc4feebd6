// Red team round 10, R10-11: a colleague's client rewrote only the session record of a live Ten
// Step interview (plan options with a forged putative-confession team decision, the break
// reminder off). The app plans from the sealed start (event 1), never from the record copy;
// sessions.verify names the rewrite (RECORD_REWRITTEN, which blocks nothing) and so does vault
// check. The interviewer still seals and exports.
import { SessionContext } from '../../src/interview/session-context';
import { metaAddress } from '../../src/interview/session-records';
import type { SessionMeta } from '../../src/interview';
import { ADMIN, call, makeVault } from '../helpers/core';

jest.setTimeout(300_000);

const PASS = 'a long enough staff passphrase';
// The context the core's session service uses: captured as it loads (a colleague's own client).
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  captured(this);
  return realLoad.call(this, id);
};
function captured(c: SessionContext): void {
  ctx = c;
}

test('a rewritten session record changes no plan, and is named by sessions.verify and vault check', async () => {
  const core = await makeVault();
  try {
    for (const u of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username: u,
        displayName: u.toUpperCase(),
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-R10-11',
      childAlias: 'Robin',
      childAgeYears: 6,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
      planOptions: { breakReminderMinutes: 20 },
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'It was after dinner.',
    });
    const before = JSON.stringify(ctx!.load(sessionId).plan);
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });

    // The colleague rewrites the record alone (one audited write of his own).
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await core.invoke('sessions.get', { sessionId });
    const meta = ctx!.readMeta(sessionId);
    const forged: SessionMeta = {
      ...meta,
      version: meta.version + 1,
      planOptions: {
        breakReminderMinutes: null,
        putativeConfession: {
          decidedBy: 'ADA Smith and MDT (forged)',
          personNamed: 'this-interview',
        },
      },
    };
    ctx!.vault.write('sessions.update', sessionId, (put) => put(metaAddress(forged), forged));

    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const got = await call(core, 'sessions.get', { sessionId });
    expect(got.planOptions).toEqual({ breakReminderMinutes: 20 });
    const plan = ctx!.load(sessionId).plan;
    expect(JSON.stringify(plan)).toBe(before);
    expect(JSON.stringify(plan)).not.toContain('tenStep.putativeConfession');
    const listed = (await call(core, 'sessions.list', { caseId })).sessions;
    expect(listed.find((s) => s.sessionId === sessionId)?.planOptions).toEqual({
      breakReminderMinutes: 20,
    });

    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict.ok).toBe(false);
    expect(verdict.code).toBe('RECORD_REWRITTEN');
    expect(verdict.reason).toContain('planOptions');
    expect(verdict.reason).not.toContain('ADA Smith');

    // It blocks nothing: the interviewer writes and seals; the seal writes the record back.
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'Then he left.' });

    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const named = check.problems.filter((p) => p.kind === 'session-record' && p.id === sessionId);
    expect(named).toHaveLength(1);
    expect(named[0]!.detail).toContain('planOptions');
    expect(check.problems.some((p) => p.detail.includes('ADA Smith'))).toBe(false);

    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await call(core, 'sessions.finalize', { sessionId });
    // Sealing wrote the record from the chain: the copy agrees with the start again.
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
  } finally {
    core.close();
  }
});
