// R13-5: a colleague interviewer (he holds the practice key, so every practice session's key)
// rewrites the summary of a trainee's practice interview to name himself as the trainee, in one
// entry of his own. `vault check` named it; `sessions.verify` said ok. Verify now names the
// summary's interviewer against event 1's certified signer (RECORD_REWRITTEN, field names only).
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;
let lastVault: Vault | undefined;
const V = Vault.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const realRequire = V.require!;
V.require = function (this: Vault, ...args: never[]) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  lastVault = this;
  return realRequire.apply(this, args);
};
async function as(core: Core, who: string, passphrase = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase });
}

test('a colleague names himself as the trainee in a practice summary: sessions.verify names the summary, not ok', async () => {
  const core = await makeVault();
  try {
    for (const [u, role] of [['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']] as const)
      await call(core, 'users.add', { username: u, displayName: u.toUpperCase(), role, passphrase: PASS });
    await as(core, 'ola');
    const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
    const { sessionId } = await call(core, 'training.start', { scenarioId: scenarios[0]!.id, seed: 1, language: 'en' });
    await call(core, 'training.ask', { sessionId, text: 'Tell me everything about that.' });
    await call(core, 'training.finish', { sessionId });
    expect(await call(core, 'sessions.verify', { sessionId })).toMatchObject({ ok: true });

    await as(core, 'ivan');
    await core.invoke('training.progress', {});
    const v = lastVault!;
    const s = v.records.get<{ interviewer: string }>(`summary:${sessionId}`)!;
    v.write('training.ask', sessionId, (put) =>
      put({ ...s.address, seq: s.address.seq + 1 }, { ...s.value, interviewer: 'ivan' }),
    );

    // The trainee and an admin (the forger himself may not open her practice session).
    for (const [who, pass] of [['ola', PASS], [ADMIN.username, ADMIN.passphrase]]) {
      await as(core, who!, pass);
      const verdict = await call(core, 'sessions.verify', { sessionId });
      expect(verdict.ok).toBe(false);
      expect(verdict).toMatchObject({ code: 'RECORD_REWRITTEN' });
      expect(String(verdict.reason)).toContain('interviewer');
    }
    // Progress still credits the trainee who started it, not the summary's name.
    await as(core, 'tara');
    const progress = await call(core, 'training.progress', {});
    const credited = progress.trainees.map((t) => [t.trainee, t.sessions.length]);
    expect(credited).toEqual([['ola', 1]]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
