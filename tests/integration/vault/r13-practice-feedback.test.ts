// R13-4: a colleague interviewer (he holds the practice key, so every practice session's key)
// deletes a trainee's practice feedback and writes it again with perfect scores, in one entry of
// his own. The feedback (and the setup) are written only by the trainee's own training.finish
// (training.start); `vault check` names his entry. The genuine flow (the trainee finishes, a
// trainer reviews) is not named, and a trainee's review of her own interview is.
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;
type Problem = { kind: string; id: string; code?: string; values?: Record<string, unknown> };
// The client runs on this vault (the modified client writes through it).
let lastVault: Vault | undefined;
const V = Vault.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const realRequire = V.require!;
V.require = function (this: Vault, ...args: never[]) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  lastVault = this;
  return realRequire.apply(this, args);
};
async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

async function practised(): Promise<{ core: Core; sessionId: string }> {
  const core = await makeVault();
  for (const [u, role] of [['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']] as const)
    await call(core, 'users.add', { username: u, displayName: u.toUpperCase(), role, passphrase: PASS });
  await as(core, 'ola');
  const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
  const { sessionId } = await call(core, 'training.start', { scenarioId: scenarios[0]!.id, seed: 1, language: 'en' });
  await call(core, 'training.ask', { sessionId, text: 'Did he hurt you?' });
  await call(core, 'training.ask', { sessionId, text: 'Was it in the kitchen or the bedroom?' });
  await call(core, 'training.finish', { sessionId });
  return { core, sessionId };
}

test('a colleague rewrites a trainee\'s practice feedback: vault check names his entry; the genuine finish and a trainer review are not named', async () => {
  const { core, sessionId } = await practised();
  try {
    await as(core, 'tara');
    await call(core, 'training.saveReview', { sessionId, comments: [{ questionNumber: 1, text: 'QCOMMENTQ' }], overall: '' });
    await as(core, ADMIN.username, ADMIN.passphrase);
    expect((await call(core, 'vault.check', {})).problems).toEqual([]);

    await as(core, 'ivan');
    await core.invoke('training.progress', {});
    const v = lastVault!;
    const f = v.records.get<{ invitationShare: number }>(`practice-feedback:${sessionId}`)!;
    v.write('training.finish', sessionId, (put) => {
      v.records.remove(f.address.recordId);
      return put(f.address, { ...f.value, invitationShare: 1 });
    });

    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    expect(JSON.stringify(check)).not.toContain('QCOMMENTQ');
    const named = (check.problems as Problem[]).filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED');
    expect(named.map((p) => [p.values?.record, p.values?.signer])).toEqual([[`practice-feedback:${sessionId}`, 'ivan']]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
