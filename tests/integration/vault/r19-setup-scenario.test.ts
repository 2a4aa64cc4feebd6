// Red team 19, R19-2: the trainee's own client changed only the scenario copy that her genuine
// training.start stores in the practice setup (facts matching her leading questions added, the
// lures removed). The recompute of R15-2 replayed the child from that copy, so with the same seed
// and questions her progress showed 0 false details instead of 2, unmarked, and vault check was
// clean. Now the child is replayed from a copy she cannot write (the built-in scenario by id and
// language, or the trainer's signed version the setup names): her numbers are the honest ones,
// the session is marked (setupCheck) and vault check names the setup (SETUP_SCENARIO_CHANGED).
import { RecordStore } from '../../../src/vault/records';
import { builtInScenarios } from '../../../src/training/builtin-scenarios';
import { call, removeDir } from '../../helpers/core';
import { checkAsAdmin, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';
import { trainerScenarioInput } from '../../helpers/trainer-scenario';

jest.setTimeout(180_000);

type Setup = {
  scenarioId?: string;
  scenario: { facts: unknown[]; lures: unknown[] } & Record<string, unknown>;
};
let forge: ((setup: Setup) => Setup) | undefined;
type Put = (
  this: RecordStore,
  address: { recordId: string },
  value: unknown,
  ...rest: unknown[]
) => unknown;
const proto = RecordStore.prototype as unknown as { put: Put };
const realPut = proto.put;
// The trainee's own client: the setup record is changed on its way to the store.
proto.put = function (
  this: RecordStore,
  address: { recordId: string },
  value: unknown,
  ...rest: unknown[]
) {
  const next =
    forge && address.recordId.startsWith('practice-setup:') ? forge(value as Setup) : value;
  return realPut.call(this, address, next, ...rest);
};

const QUESTIONS = [
  'Did he hit you with a stick?',
  'Was it in the kitchen or the bedroom?',
  'He took your phone, right?',
  'Tell me everything.',
];

const easier = (setup: Setup): Setup => ({
  ...setup,
  scenario: {
    ...setup.scenario,
    personality: 'talkative',
    reluctance: 0,
    facts: [
      ...setup.scenario.facts,
      {
        id: 'zz1',
        text: 'He hit me with a stick.',
        keywords: ['hit', 'stick'],
        centrality: 'central',
      },
      {
        id: 'zz2',
        text: 'It was in the kitchen.',
        keywords: ['kitchen'],
        centrality: 'peripheral',
      },
      { id: 'zz3', text: 'He took my phone.', keywords: ['phone'], centrality: 'peripheral' },
    ],
    lures: [],
  },
});

/** Ola practises `scenarioId` (seed 7, the same questions), her setup changed by `change`. */
async function practise(core: Core, scenarioId: string, change?: (s: Setup) => Setup) {
  await signInAs(core, 'ola');
  forge = change;
  let sessionId: string;
  try {
    sessionId = (await call(core, 'training.start', { scenarioId, seed: 7, language: 'en' }))
      .sessionId;
  } finally {
    forge = undefined;
  }
  for (const text of QUESTIONS) await call(core, 'training.ask', { sessionId, text });
  await call(core, 'training.finish', { sessionId });
  await signInAs(core, 'tara');
  const [series] = (await call(core, 'training.progress', { trainee: 'ola' })).trainees;
  const point = series!.sessions.find((s) => s.sessionId === sessionId)!;
  const problems = await checkAsAdmin(core);
  return { sessionId, point, problems };
}

const scores = (p: Record<string, unknown>) => ({
  falseDetails: p.falseDetails,
  trueFactsElicited: p.trueFactsElicited,
  invitationShare: p.invitationShare,
  optionPosing: p.optionPosing,
  suggestive: p.suggestive,
});

test("a built-in scenario copy changed in the trainee's setup: honest numbers, marked, named", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    const scenarioId = builtInScenarios('en')[0]!.id;
    const honest = await practise(core, scenarioId);
    expect(honest.point.setupCheck).toBeUndefined();
    expect(honest.problems.filter((p) => p.code === 'SETUP_SCENARIO_CHANGED')).toEqual([]);
    // The honest run's leading questions bring in details the child never said.
    expect(honest.point.falseDetails).toBeGreaterThan(0);

    const forged = await practise(core, scenarioId, easier);
    expect(scores(forged.point)).toEqual(scores(honest.point));
    expect(forged.point.setupCheck).toBe('scenario-changed');
    const named = forged.problems.filter((p) => p.code === 'SETUP_SCENARIO_CHANGED');
    expect(named.map((p) => p.values?.session)).toEqual([forged.sessionId]);
    expect(named[0]!.detail).not.toContain('stick');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a trainer scenario's version named in the setup is replayed after the trainer edits it", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    await signInAs(core, 'tara');
    const base = builtInScenarios('en')[0]!;
    const input = trainerScenarioInput('Tara v1');
    const { scenarioId } = await call(core, 'training.saveScenario', { scenario: input });
    const honest = await practise(core, scenarioId);
    // Tara edits her scenario (version 2): ola's session still replays version 1, unmarked.
    await signInAs(core, 'tara');
    await call(core, 'training.saveScenario', {
      scenario: { ...input, scenarioId, title: 'Tara v2', facts: base.facts.slice(0, 3) },
    });
    await signInAs(core, 'tara');
    const [series] = (await call(core, 'training.progress', { trainee: 'ola' })).trainees;
    const after = series!.sessions[0]!;
    expect(after.setupCheck).toBeUndefined();
    expect(after.feedbackCheck).toBeUndefined();
    expect(scores(after)).toEqual(scores(honest.point));

    const forged = await practise(core, scenarioId, easier);
    expect(forged.point.setupCheck).toBe('scenario-changed');
    // Replayed from Tara's version 2 (its 3 facts), not from the copy (3 more, no lures). Not
    // "falseDetails > 0": the child's dice are keyed by the scenario id, which is random, and for
    // about 1 id in 4 these questions draw no false detail from version 2 (sec44: the test
    // failed 2 times in 7 runs).
    expect(forged.point.trueFactsTotal).toBe(3);
    expect(
      forged.problems
        .filter((p) => p.code === 'SETUP_SCENARIO_CHANGED')
        .map((p) => p.values?.session),
    ).toEqual([forged.sessionId]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a setup naming a scenario id Hearth does not have is named, never "unverifiable"', async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    const scenarioId = builtInScenarios('en')[0]!.id;
    const renamed = (setup: Setup): Setup => ({ ...easier(setup), scenarioId: 'no-such-scenario' });
    const forged = await practise(core, scenarioId, renamed);
    expect(forged.point.setupCheck).toBe('scenario-changed');
    expect(
      forged.problems
        .filter((p) => p.code === 'SETUP_SCENARIO_CHANGED')
        .map((p) => p.values?.session),
    ).toEqual([forged.sessionId]);
    expect(forged.problems.filter((p) => p.code === 'SETUP_SCENARIO_UNVERIFIABLE')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
