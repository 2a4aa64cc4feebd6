// Red team 19, R19-1 and R19-3: every holder of the practice key can write any practice record
// with her own client (the Vault object the core drives, reached without the app's permission
// checks; keys and signatures are real). A trainee wrote "tara's" review of her own practice
// interview ("Ready for live cases"); trainer tom wrote a review under tara's name; the trainee
// planted a scenario under tara's name and rewrote tara's real scenario with a planted disclosure.
// The app showed all of them as tara's. Now a review is shown only when a certified trainer or
// admin who is not the trainee signed it as its reviewer, a scenario only when its author signed
// it as a trainer or admin; others are left out with a notice (no content), and `vault check`
// names each (REVIEW_NOT_SIGNED_BY_REVIEWER, SCENARIO_NOT_SIGNED_BY_AUTHOR).
import { builtInScenarios } from '../../../src/training/builtin-scenarios';
import { REVIEW_WITHHELD_MESSAGE, SCENARIOS_WITHHELD_MESSAGE } from '../../../src/training/trust';
import { call, callError, removeDir } from '../../helpers/core';
import { trainerScenarioInput } from '../../helpers/trainer-scenario';
import {
  checkAsAdmin,
  signInAs,
  vaultWithStaff,
  type Core,
  type Problem,
} from '../../helpers/red-team';

jest.setTimeout(180_000);

const MARKER = 'QFORGEDQ';
const coded = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

/** Ola practises one built-in scenario and finishes; returns the session id. */
async function olaPractises(core: Core): Promise<string> {
  await signInAs(core, 'ola');
  const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: scenarios[0]!.id,
    seed: 1,
    language: 'en',
  });
  await call(core, 'training.ask', { sessionId, text: 'Tell me everything that happened.' });
  await call(core, 'training.ask', { sessionId, text: 'Was it in the kitchen or the bedroom?' });
  await call(core, 'training.finish', { sessionId });
  return sessionId;
}

/** `writer`'s own client writes version `seq` of the review of `sessionId` under tara's name. */
async function forgeReview(core: Core, writer: string, sessionId: string, seq = 1): Promise<void> {
  const v = await signInAs(core, writer);
  v.write('training.saveReview', sessionId, (put) =>
    put(
      {
        recordId: `practice-review:${sessionId}`,
        containerId: sessionId,
        kind: 'practice-review',
        seq,
        keyRef: `session:${sessionId}`,
      },
      {
        sessionId,
        reviewer: 'tara',
        reviewerName: 'TARA',
        comments: [{ questionNumber: 1, text: `Excellent open question. ${MARKER}` }],
        overall: `Ready for live cases. ${MARKER}`,
        version: seq,
        savedAt: new Date().toISOString(),
      },
    ),
  );
}

/** What trainee, reviewer and progress show for `sessionId`: the review must be left out. */
async function expectWithheld(core: Core, sessionId: string): Promise<void> {
  for (const who of ['ola', 'tara']) {
    await signInAs(core, who);
    const shown = await call(core, 'training.review', { sessionId });
    expect(shown.review).toBeUndefined();
    expect(shown.withheld).toBe(REVIEW_WITHHELD_MESSAGE);
    expect(JSON.stringify(shown)).not.toContain(MARKER);
  }
  const [series] = (await call(core, 'training.progress', { trainee: 'ola' })).trainees;
  expect(series!.sessions[0]).toMatchObject({ reviewed: false, reviewWithheld: true });
}

describe('R19-1: a practice review is believed only when its reviewer signed it as a trainer', () => {
  test("the trainee's own review under tara's name is left out and named; tara's real review then shows", async () => {
    const core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['tara', 'trainer'],
    ]);
    try {
      const sessionId = await olaPractises(core);
      await forgeReview(core, 'ola', sessionId);
      await expectWithheld(core, sessionId);

      const problems = await checkAsAdmin(core);
      const review = coded(problems, 'REVIEW_NOT_SIGNED_BY_REVIEWER');
      expect(review.map((p) => p.id)).toEqual([`practice-review:${sessionId}`]);
      expect(review[0]!.detail).toContain('ola (interviewer)');
      expect(review[0]!.detail).not.toContain(MARKER);

      // Tara reviews for real: a newer version past the forged one, shown as hers.
      await signInAs(core, 'tara');
      const saved = (
        await call(core, 'training.saveReview', { sessionId, comments: [], overall: 'Good start.' })
      ).review;
      expect(saved.version).toBe(2);
      await signInAs(core, 'ola');
      const shown = await call(core, 'training.review', { sessionId });
      expect(shown).toEqual({ review: saved });
      expect(coded(await checkAsAdmin(core), 'REVIEW_NOT_SIGNED_BY_REVIEWER')).toEqual([]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  });

  test("trainer tom's review under tara's name is left out and named with both names", async () => {
    const core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['tara', 'trainer'],
      ['tom', 'trainer'],
    ]);
    try {
      const sessionId = await olaPractises(core);
      // Control: tom's review under his own name is shown as his.
      await signInAs(core, 'tom');
      await call(core, 'training.saveReview', { sessionId, comments: [], overall: 'Fine.' });
      await signInAs(core, 'ola');
      expect((await call(core, 'training.review', { sessionId })).review?.reviewer).toBe('tom');

      await forgeReview(core, 'tom', sessionId, 2);
      await expectWithheld(core, sessionId);
      const review = coded(await checkAsAdmin(core), 'REVIEW_NOT_SIGNED_BY_REVIEWER');
      expect(review.map((p) => p.values?.reviewer)).toEqual(['tara']);
      expect(review[0]!.detail).toContain('names tara as its writer but was signed by tom');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  });
});

describe('R19-3: a trainer scenario is believed only when its author signed it as a trainer', () => {
  test("a planted scenario and a rewrite of tara's are left out, refused and named; tara saves hers again", async () => {
    const core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['tara', 'trainer'],
      ['tom', 'trainer'],
    ]);
    try {
      await signInAs(core, 'tara');
      const base = builtInScenarios('en')[0]!;
      const input = trainerScenarioInput('Tara scenario');
      const { scenarioId } = await call(core, 'training.saveScenario', { scenario: input });
      expect(coded(await checkAsAdmin(core), 'SCENARIO_NOT_SIGNED_BY_AUTHOR')).toEqual([]);

      const v = await signInAs(core, 'ola');
      // (a) a new scenario "by tara", under Hearth's id and under a made-up record id.
      const planted = 'scn_' + 'ab'.repeat(16);
      const forged = {
        ...base,
        id: planted,
        builtIn: false,
        version: 1,
        author: 'tara',
        title: MARKER,
        updatedAt: new Date().toISOString(),
      };
      for (const recordId of [planted, `training-scenario:${planted}`])
        v.write('training.saveScenario', planted, (put) =>
          put(
            {
              recordId,
              containerId: 'training',
              kind: 'training-scenario',
              seq: 1,
              keyRef: 'class:practice',
            },
            forged,
          ),
        );
      // (b) tara's real scenario rewritten as version 2 with a planted disclosure.
      const real = v.records.get<typeof forged>(scenarioId)!;
      v.write('training.saveScenario', scenarioId, (put) =>
        put(
          { ...real.address, seq: 2 },
          {
            ...real.value,
            version: 2,
            facts: [
              ...real.value.facts,
              {
                id: 'planted',
                category: 'what',
                centrality: 'central',
                text: `He touched me ${MARKER}`,
                keywords: ['touched'],
              },
            ],
          },
        ),
      );

      await signInAs(core, 'tom');
      const listed = await call(core, 'training.scenarios', { language: 'en' });
      expect(listed.scenarios.filter((s) => !s.builtIn)).toEqual([]);
      expect(listed.withheld).toBe(SCENARIOS_WITHHELD_MESSAGE);
      expect(JSON.stringify(listed)).not.toContain(MARKER);
      for (const id of [scenarioId, planted]) {
        const refused = await callError(core, 'training.getScenario', {
          scenarioId: id,
          language: 'en',
        });
        expect(refused.code).toBe('TAMPERED');
        expect(refused.message).not.toContain(MARKER);
      }
      // The trainee is refused a practice interview with it (and gets no notice of who wrote it).
      await signInAs(core, 'ola');
      expect(
        (await callError(core, 'training.start', { scenarioId: planted, seed: 1, language: 'en' }))
          .code,
      ).toBe('TAMPERED');
      expect((await call(core, 'training.scenarios', { language: 'en' })).withheld).toBeUndefined();

      const problems = await checkAsAdmin(core);
      expect(
        coded(problems, 'SCENARIO_NOT_SIGNED_BY_AUTHOR')
          .map((p) => p.id)
          .sort(),
      ).toEqual([planted, scenarioId, `training-scenario:${planted}`].sort());
      const byRole = coded(problems, 'AUDIT_AUTHOR_NOT_ALLOWED').map((p) => p.values?.record);
      expect(byRole).toEqual(expect.arrayContaining([planted, scenarioId]));
      expect(JSON.stringify(problems)).not.toContain(MARKER);

      // Tara saves her scenario again: version 3, past the planted one, listed as hers.
      await signInAs(core, 'tara');
      const again = await call(core, 'training.saveScenario', {
        scenario: { ...input, scenarioId },
      });
      expect(again.version).toBe(3);
      const mine = (await call(core, 'training.scenarios', { language: 'en' })).scenarios.find(
        (s) => s.id === scenarioId,
      );
      expect(mine).toMatchObject({ author: 'tara', version: 3 });
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  });

  test("trainer tom's scenario under tara's name is left out and named", async () => {
    const core = await vaultWithStaff([
      ['tara', 'trainer'],
      ['tom', 'trainer'],
    ]);
    try {
      const v = await signInAs(core, 'tom');
      const base = builtInScenarios('en')[0]!;
      const id = 'scn_' + 'cd'.repeat(16);
      v.write('training.saveScenario', id, (put) =>
        put(
          {
            recordId: id,
            containerId: 'training',
            kind: 'training-scenario',
            seq: 1,
            keyRef: 'class:practice',
          },
          { ...base, id, builtIn: false, version: 1, author: 'tara', title: MARKER },
        ),
      );
      await signInAs(core, 'tara');
      const listed = await call(core, 'training.scenarios', { language: 'en' });
      expect(listed.scenarios.some((s) => s.id === id)).toBe(false);
      expect(listed.withheld).toBe(SCENARIOS_WITHHELD_MESSAGE);
      const named = coded(await checkAsAdmin(core), 'SCENARIO_NOT_SIGNED_BY_AUTHOR');
      expect(named.map((p) => p.id)).toEqual([id]);
      expect(named[0]!.detail).toContain('names tara as its writer but was signed by tom');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  });
});
