// R15-2 (red team round 15): practice feedback is write-once (R14-2, FEEDBACK_REWRITTEN), but the
// first write is made by the trainee's own client. Ola's modified client ran the real
// training.finish and changed only the feedback it sealed (perfect scores): her trainer's
// progress view and the feedback view showed the forged numbers, and `vault check` was clean.
// Now the feedback is recomputed from the sealed practice transcript: the progress view shows
// the transcript's numbers marked 'mismatch', the feedback view refuses with FEEDBACK_MISMATCH
// and a next step, and `vault check` names the session. A feedback computed by another version
// of the coach is reported as such (a notice), never as a mismatch.
import { COACH_VERSION } from '../../../src/training/feedback';
import { TrainingService } from '../../../src/training/service';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS, signInAs, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

async function as(core: Core, who: string): Promise<void> {
  await signInAs(core, who);
}
interface Stored {
  coachVersion?: unknown;
  invitationShare: number;
  recommendedShare: number;
  counts: Record<string, number>;
  falseDetails: unknown[];
  measures?: Record<string, unknown>;
}
// Ola's modified client: only the feedback value its genuine training.finish seals is changed.
type Change = (f: Stored) => Stored;
let change: Change | undefined;
const proto = RecordStore.prototype as unknown as {
  put: (address: { recordId: string }, value: unknown, ...rest: unknown[]) => unknown;
};
const realPut = proto.put;
proto.put = function (
  this: RecordStore,
  address: { recordId: string },
  value: unknown,
  ...rest: unknown[]
) {
  const next =
    change && address.recordId.startsWith('practice-feedback:') ? change(value as Stored) : value;
  return realPut.call(this, address, next, ...rest);
};
const perfect: Change = (f) => ({
  ...f,
  invitationShare: 1,
  recommendedShare: 1,
  falseDetails: [],
  counts: { ...f.counts, suggestive: 0, 'option-posing': 0 },
  ...(f.measures
    ? { measures: { ...f.measures, substantiveInvitationShare: 1, optionPosing: 0, suggestive: 0 } }
    : {}),
});
const untagged: Change = ({ coachVersion: _v, ...f }) => f;
const tagged =
  (tag: unknown): Change =>
  (f) => ({ ...perfect(f), coachVersion: tag });
// Her client's settings read during finish (R16-4): a threshold no trainer set.
type Settings = { goodInvitationShare: number; version: number };
const settingsProto = TrainingService.prototype as unknown as { readSettings: () => Settings };
const realReadSettings = settingsProto.readSettings;
let lowered: number | undefined;
settingsProto.readSettings = function (this: TrainingService) {
  const real = realReadSettings.call(this);
  return lowered === undefined ? real : { ...real, goodInvitationShare: lowered };
};

/** Marks the variant whose client lowers the threshold (the feedback itself is computed honestly). */
const lowerThreshold: Change = (f) => f;

async function finishedPractice(core: Core, how: Change | undefined): Promise<string> {
  for (const [username, role] of [
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ] as const)
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role,
      passphrase: PASS,
    });
  await as(core, 'ola');
  const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: scenarios[0]!.id,
    seed: 1,
    language: 'en',
  });
  await call(core, 'training.ask', { sessionId, text: 'He hurt you, didn’t he?' });
  await call(core, 'training.ask', { sessionId, text: 'Was it in the kitchen or the bedroom?' });
  change = how;
  lowered = how === lowerThreshold ? 0.2 : undefined;
  try {
    await call(core, 'training.finish', { sessionId });
  } finally {
    change = undefined;
    lowered = undefined;
  }
  return sessionId;
}

test.each([
  ['genuine'],
  ['forged first write'],
  ['older coach version'],
  // Red team 16, R16-4: the version tag is the trainee's own write; a forgery claiming it.
  ['forged and tagged as older'],
  // R16-4: a tag no Hearth wrote (a newer version, a string) is compared, so it is a mismatch.
  // The newer version is computed from COACH_VERSION: a literal went stale when version 3 shipped.
  ['forged and tagged with a newer version'],
  // A real older version's tag on a forgery: not checkable, so shown apart, never trusted.
  ['forged and tagged 2'],
  ['forged and tagged "1"'],
  // R16-4: her client computed the feedback with a threshold no trainer set.
  ['threshold lowered by her client'],
])('practice feedback, %s: what the trainer and the administrator see', async (variant) => {
  const core = await makeVault();
  try {
    const how =
      variant === 'genuine'
        ? undefined
        : variant === 'forged first write'
          ? perfect
          : variant === 'older coach version'
            ? untagged
            : variant === 'forged and tagged with a newer version'
              ? tagged(COACH_VERSION + 1)
              : variant === 'forged and tagged 2'
                ? tagged(2)
                : variant === 'forged and tagged "1"'
                  ? tagged('1')
                  : variant === 'threshold lowered by her client'
                    ? lowerThreshold
                    : (f: Stored) => untagged(perfect(f));
    const sessionId = await finishedPractice(core, how);
    await as(core, 'tara');
    const [series] = (await call(core, 'training.progress', { trainee: 'ola' })).trainees;
    const point = series!.sessions[0]!;
    const feedback = await core.invoke('training.feedback', { sessionId });
    await as(core, ADMIN.username);
    const check = await call(core, 'vault.check', {});
    const named = check.problems.filter((p) => p.code === 'FEEDBACK_MISMATCH');
    const notices = (check.notices ?? []).filter((p) => p.code === 'FEEDBACK_OLDER_VERSION');

    // The numbers the trainer sees are always the transcript's: a suggestive question was asked.
    expect(point.suggestive).toBe(1);
    expect(point.invitationShare).toBe(0);
    if (variant === 'genuine') {
      expect(point.feedbackCheck).toBeUndefined();
      expect(feedback).toMatchObject({
        ok: true,
        value: { feedback: { coachVersion: COACH_VERSION, counts: { suggestive: 1 } } },
      });
      expect(named).toEqual([]);
      expect(notices).toEqual([]);
      expect(check.ok).toBe(true);
    } else if (variant === 'threshold lowered by her client') {
      // Recomputed with the centre's threshold in force at the seal (the default 0.5), not hers.
      expect(point.feedbackCheck).toBe('mismatch');
      expect(feedback).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
      expect(named).toHaveLength(1);
      expect(named[0]!.values).toMatchObject({ fields: expect.stringContaining('measures') });
    } else if (
      variant !== 'older coach version' &&
      variant !== 'forged and tagged as older' &&
      variant !== 'forged and tagged 2'
    ) {
      expect(point.feedbackCheck).toBe('mismatch');
      expect(feedback).toMatchObject({
        ok: false,
        error: {
          code: 'TAMPERED',
          message: expect.stringMatching(
            /^FEEDBACK_MISMATCH: .*sealed practice transcript.*invitationShare.*counts.*vault check/,
          ),
        },
      });
      expect(named).toHaveLength(1);
      expect(named[0]).toMatchObject({
        kind: 'practice-feedback',
        id: `practice-feedback:${sessionId}`,
        values: { session: sessionId },
      });
      expect(named[0]!.detail).toContain(sessionId);
      expect(check.ok).toBe(false);
    } else {
      // Another version's rules cannot be run here: said so, not called a forgery.
      expect(point.feedbackCheck).toBe('older-version');
      expect(feedback).toMatchObject({ ok: true });
      // Red team 17, R17-5: the feedback view, too, shows the numbers this version recomputes
      // from the sealed transcript; the stored ones come apart, as stored, not checkable.
      const shown = (
        feedback as { value: { feedback: Stored; storedNotCheckable?: Record<string, unknown> } }
      ).value;
      expect(shown.feedback.coachVersion).toBe(COACH_VERSION);
      expect(shown.feedback.counts.suggestive).toBe(1);
      expect(shown.feedback.invitationShare).toBe(0);
      const forged = variant !== 'older coach version';
      expect(shown.storedNotCheckable).toMatchObject({ suggestive: forged ? 0 : 1 });
      // The version the tag claims is shown beside the stored numbers; an untagged one has none.
      if (variant === 'forged and tagged 2')
        expect(shown.storedNotCheckable).toMatchObject({ coachVersion: 2 });
      else expect(shown.storedNotCheckable).not.toHaveProperty('coachVersion');
      expect(point.storedNotCheckable).toMatchObject({
        suggestive: forged ? 0 : 1,
        invitationShare: forged ? 1 : 0,
      });
      expect(named).toEqual([]);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.detail).toMatch(/older version of the coach.*cannot recompute/);
    }
    // Field names and ids only: no question of the transcript in any finding.
    expect(JSON.stringify(check)).not.toMatch(/kitchen|hurt you/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
