// R14-2 (red team round 14): R13-4 asks only WHO writes practice feedback (the trainee). The
// trainee herself (ola) rewrote her own feedback to perfect scores after the fact, as a second
// version (seq 2) or by deleting it and writing it again at seq 1, in one `training.finish`
// entry of her own; her trainer's progress view showed the forged numbers and every check was
// clean. Feedback is computed once, by training.finish, from the sealed practice transcript: it
// is write-once. A second write, whoever signs it, is FEEDBACK_REWRITTEN in `vault check` (with
// the entry, its signer and the entry that first wrote it); a second version is refused by the
// progress and feedback views, which send the trainer to that check.
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
interface Problem {
  code?: string;
  detail: string;
  values?: Record<string, unknown>;
}
let captured: Vault | undefined;
const proto = Vault.prototype as unknown as { require: (p: string) => unknown };
const realRequire = proto.require;
proto.require = function (this: Vault, permission: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  captured = this;
  return realRequire.call(this, permission);
};
async function as(core: Core, who: string): Promise<Vault> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: who === ADMIN.username ? ADMIN.passphrase : PASS });
  await core.invoke('users.list', {});
  return captured!;
}
interface StoredFeedback {
  invitationShare: number;
  counts: Record<string, number>;
  falseDetails: unknown[];
  measures?: Record<string, number>;
}

test.each([['second version'], ['delete and rewrite']])('the trainee rewrites her own practice feedback (%s): named, and not shown as hers', async (how) => {
  const core = await makeVault();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['tara', 'trainer']] as const)
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    await as(core, 'ola');
    const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
    const { sessionId } = await call(core, 'training.start', { scenarioId: scenarios[0]!.id, seed: 1, language: 'en' });
    await call(core, 'training.ask', { sessionId, text: 'He hurt you, didn’t he?' });
    await call(core, 'training.ask', { sessionId, text: 'Was it in the kitchen or the bedroom?' });
    await call(core, 'training.finish', { sessionId });
    await as(core, 'tara');
    const before = await call(core, 'training.progress', { trainee: 'ola' });
    const genuine = before.trainees[0]!.sessions[0]!;
    expect(genuine.suggestive).toBeGreaterThan(0);

    // Ola's modified client: perfect scores, in one training.finish entry signed by her.
    const vault = await as(core, 'ola');
    const id = `practice-feedback:${sessionId}`;
    const f = vault.records.get<StoredFeedback>(id)!;
    const forged = {
      ...f.value,
      invitationShare: 1,
      falseDetails: [],
      counts: { ...f.value.counts, suggestive: 0, 'option-posing': 0 },
      ...(f.value.measures ? { measures: { ...f.value.measures, substantiveInvitationShare: 1, optionPosing: 0, suggestive: 0 } } : {}),
    };
    vault.transact(() => {
      if (how === 'second version') return vault.write('training.finish', sessionId, (put) => put({ ...f.address, seq: f.address.seq + 1 }, forged));
      vault.records.remove(id);
      return vault.write('training.finish', sessionId, (put) => put(f.address, forged));
    });

    await as(core, 'tara');
    const after = await core.invoke('training.progress', { trainee: 'ola' });
    if (how === 'second version') {
      // Refused, with the next step; never the forged numbers.
      expect(after).toMatchObject({ ok: false, error: { code: 'TAMPERED', message: expect.stringMatching(/written a second time.*vault check/) } });
      expect(await core.invoke('training.feedback', { sessionId })).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
    }
    await as(core, ADMIN.username);
    const problems = (await call(core, 'vault.check', {})).problems as Problem[];
    const named = problems.filter((p) => p.code === 'FEEDBACK_REWRITTEN' && p.values?.record === id && p.values.signer === 'ola');
    expect(named).toHaveLength(1);
    expect(named[0]!.detail).toMatch(/computes feedback once, in training\.finish/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
