// Red team round 9 (R9-1), with the genuine app and no mocks: an admin pressing Seal on an
// interviewer's live interview was refused (FORBIDDEN) only after the write path had appended a
// `resumed` mark as the admin, and the admin's lock then appended `paused`: the honest
// interviewer's record showed FOREIGN_EVENT for good. Every refusal now runs before anything is
// written into the session, and a lock pauses only the user's own sessions. This runs each
// refused write a colleague or an admin can make from the app and checks the chain is unchanged.
import { ADMIN, call, callError, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(180_000);

const PASS = 'a long enough staff passphrase';
type Core = Awaited<ReturnType<typeof makeVault>>;

async function chainOf(core: Core, sessionId: string): Promise<string> {
  const { events } = await call(core, 'sessions.timeline', { sessionId });
  return JSON.stringify(events);
}

test('R9-1: refused writes into a colleague live interview (admin seal included) write nothing, and no lock marks it', async () => {
  const core = await makeVault();
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username.toUpperCase(),
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-R9-1',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was after dinner.' });
    await call(core, 'vault.lock', {});

    // ola's lock paused her session; read the chain as it stands.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const before = await chainOf(core, sessionId);
    expect((JSON.parse(before) as Array<{ type: string }>).at(-1)).toMatchObject({ type: 'paused' });

    const attempts: Array<[string, Record<string, unknown>]> = [
      ['sessions.finalize', { sessionId }],
      ['sessions.addNote', { sessionId, kind: 'child', text: 'written by someone else' }],
      ['sessions.pause', { sessionId }],
      ['sessions.resume', { sessionId }],
      ['sessions.addAddendum', { sessionId, text: 'An addendum before the seal.' }],
    ];
    for (const who of [
      { username: ADMIN.username, passphrase: ADMIN.passphrase },
      { username: 'ivan', passphrase: PASS },
    ]) {
      await call(core, 'vault.unlock', who);
      for (const [channel, payload] of attempts) {
        const error = await callError(core, channel, payload);
        expect([channel, who.username, error.code]).toEqual([channel, who.username, 'FORBIDDEN']);
        expect(await chainOf(core, sessionId)).toBe(before);
      }
      // The lock pauses only the signed-in user's own sessions.
      await call(core, 'vault.lock', {});
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(await chainOf(core, sessionId)).toBe(before);
    }

    // ola's record stays clean: no FOREIGN_EVENT, and her seal names no one.
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    await call(core, 'sessions.finalize', { sessionId });
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    const { events } = await call(core, 'sessions.timeline', { sessionId });
    expect(events.filter((e) => e.author !== 'ola')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
