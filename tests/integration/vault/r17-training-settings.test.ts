// Red team 17, R17-3: an interviewer who practises holds the practice key, so with her passphrase
// and the vault file (her own client: the Vault object the core drives, no permission checks)
// she wrote a new version of the centre's training settings, lowering the "Good open
// questioning" threshold to 5% with a made-up history, signed by her own certified key. The app
// used any settings record that decrypted, and `vault check` found nothing: the author-role table
// did not cover training settings (nor note drafts). Now the app uses only settings a certified
// trainer or admin wrote (else Hearth's defaults, and trainers and admins are told who wrote
// them), and `vault check` names her entry (AUDIT_AUTHOR_NOT_ALLOWED, record and signer, no
// content). The same table now covers note drafts: a colleague planting text in another
// interviewer's draft box is named.
import { DEFAULT_GOOD_INVITATION_SHARE } from '../../../src/training/measures';
import { call, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';
import { checkAsAdmin, signInAs, vaultWithStaff, type Problem } from '../../helpers/red-team';

jest.setTimeout(120_000);

const MARKER = 'QPLANTEDQ';
const named = (problems: Problem[], record: string) =>
  problems
    .filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.values?.record === record)
    .map((p) => p.values?.signer);

test('a trainee plants training settings: the app ignores them, tells trainers, and vault check names her entry', async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    await signInAs(core, 'tara');
    await call(core, 'training.setSettings', { goodInvitationShare: 0.6 });
    expect((await checkAsAdmin(core)).filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED')).toEqual(
      [],
    );

    // Ola's own client writes version 2 with a 5% threshold and a history that always had it.
    const v = await signInAs(core, 'ola');
    v.write('training.setSettings', undefined, (put) =>
      put(
        {
          recordId: 'training-settings',
          containerId: 'training',
          kind: 'training-settings',
          seq: 2,
          keyRef: 'class:practice',
        },
        {
          goodInvitationShare: 0.05,
          updatedBy: MARKER,
          updatedAt: new Date().toISOString(),
          version: 2,
          history: [
            { version: 0, goodInvitationShare: 0.05 },
            { version: 1, goodInvitationShare: 0.05 },
          ],
        },
      ),
    );

    // The trainee gets Hearth's defaults, not her planted threshold, and no word about it.
    const hers = (await call(core, 'training.settings', {})).settings;
    expect(hers.goodInvitationShare).toBe(DEFAULT_GOOD_INVITATION_SHARE);
    expect(hers.untrusted).toBeUndefined();
    expect(JSON.stringify(hers)).not.toContain(MARKER);
    // Her practice feedback is computed with the trusted threshold, not 5%.
    const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
    const { sessionId } = await call(core, 'training.start', {
      scenarioId: scenarios[0]!.id,
      seed: 1,
      language: 'en',
    });
    await call(core, 'training.ask', { sessionId, text: 'Tell me everything about that day.' });
    const finished = await call(core, 'training.finish', { sessionId });
    expect(JSON.stringify(finished)).toContain(
      `"goodInvitationShare":${DEFAULT_GOOD_INVITATION_SHARE}`,
    );
    expect(JSON.stringify(finished)).not.toContain('"goodInvitationShare":0.05');

    // The trainer is told that the stored settings are ignored, and by whom they were written.
    await signInAs(core, 'tara');
    const trainers = (await call(core, 'training.settings', {})).settings;
    expect(trainers.goodInvitationShare).toBe(DEFAULT_GOOD_INVITATION_SHARE);
    expect(trainers.untrusted).toEqual(
      expect.objectContaining({ version: 2, writer: 'ola', role: 'interviewer' }),
    );
    expect(trainers.untrusted!.reason).toContain('only a trainer or an admin');

    // vault check names her entry: the record and the signer, no content.
    const problems = await checkAsAdmin(core);
    expect(named(problems, 'training-settings')).toEqual(['ola']);
    expect(JSON.stringify(problems)).not.toContain(MARKER);

    // The trainer sets them again: past the planted version, trusted again.
    await signInAs(core, 'tara');
    const reset = (await call(core, 'training.setSettings', { goodInvitationShare: 0.7 })).settings;
    expect(reset.version).toBe(3);
    const after = (await call(core, 'training.settings', {})).settings;
    expect(after.goodInvitationShare).toBe(0.7);
    expect(after.untrusted).toBeUndefined();
    // The planted entry stays named (the log keeps it); the trainer's own writes are not.
    expect(named(await checkAsAdmin(core), 'training-settings')).toEqual(['ola']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a colleague plants text in another interviewer's note draft: vault check names his entry; her own drafts are not named", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'ola');
    const sessionId = await liveInterview(core);
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'Tell me more about dinner.' }],
      resume: sessionId,
    });
    expect((await checkAsAdmin(core)).filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED')).toEqual(
      [],
    );

    // Ivan holds the case key (so the session's key): his client replaces her draft. Her draft
    // is under her personal key (R19-6), so he cannot read it; he still writes a newer version
    // under the session key (the row's version number is cleartext).
    const v = await signInAs(core, 'ivan');
    const id = `${sessionId}~draft~ola`;
    expect(() => v.records.get(id)).toThrow(/does not open/);
    const seq = v.records.seqOf(id)!;
    v.write('sessions.saveDrafts', 'user:ola', (put) =>
      put(
        {
          recordId: id,
          containerId: sessionId,
          kind: 'draft',
          seq: seq + 1,
          keyRef: `session:${sessionId}`,
        },
        {
          sessionId,
          username: 'ola',
          kind: 'question',
          text: `Did he touch you? ${MARKER}`,
          savedAt: new Date().toISOString(),
        },
      ),
    );

    const problems = await checkAsAdmin(core);
    expect(named(problems, id)).toEqual(['ivan']);
    expect(JSON.stringify(problems)).not.toContain(MARKER);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
