// Issue #18, review B3 (train32): a practice interview's second session with the same simulated
// child starts with the "Child reluctant" the trainee noted in the first still standing, as a live
// extended interview does (revised NICHD protocol: support, rapport, a second session, never
// escalation; Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021). training.continuity says which
// session it is and where the reluctance came from; the guidance the practice screen folds from it
// puts support first and withholds the option-posing transition rungs (transition.bothering); a
// withdrawn press is not carried; training.endReluctance ends the carried reluctance with a sealed
// `reluctance-ended` naming session 1, and refuses with CONFLICT and a next step when none holds.
import type { Core } from '../../../src/api/core';
import { planSession, reduceGuidance, type GuidanceEvent } from '../../../src/protocols';
import { call, callError, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long practice passphrase';
let core: Core & { vaultDir: string };

beforeAll(async () => {
  core = await makeVault();
  await call(core, 'users.add', {
    username: 'tina',
    displayName: 'Tina Trainee',
    role: 'interviewer',
    passphrase: PASS,
  });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'tina', passphrase: PASS });
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

async function firstSession(press: 'noted' | 'withdrawn' | 'none'): Promise<string> {
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: 'pupil-threats',
    seed: 7,
    language: 'en',
  });
  await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'rapport' });
  await call(core, 'training.ask', { sessionId, text: 'Tell me about things you like to do.' });
  if (press !== 'none') await call(core, 'sessions.markReluctance', { sessionId });
  if (press === 'withdrawn') await call(core, 'sessions.withdrawReluctance', { sessionId });
  await call(core, 'training.finish', { sessionId, conclusion: 'cannot-tell' });
  return sessionId;
}

async function secondSession(first: string): Promise<string> {
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: 'pupil-threats',
    seed: 1,
    language: 'en',
    continues: first,
  });
  return sessionId;
}

/** The practice screen's fold: the carried press first, then the transition entered. */
function transitionGuidance(carried: { session: number; startedAt: string } | null) {
  const plan = planSession('nichd', 15, 'en', {});
  const events: GuidanceEvent[] = [
    { type: 'session-started', elapsedMs: 0 },
    ...(carried
      ? [
          {
            type: 'reluctance-noted' as const,
            elapsedMs: 0,
            earlierSession: carried.session,
            earlierStartedAt: carried.startedAt,
          },
        ]
      : []),
    { type: 'phase-entered', phaseId: 'transition', elapsedMs: 10 },
  ];
  return reduceGuidance(plan, events, 20);
}

test('noted in session 1: session 2 starts reluctant, support first, no option-posing rung; ended there', async () => {
  const first = await firstSession('noted');
  const firstSummary = await call(core, 'sessions.get', { sessionId: first });
  expect(await call(core, 'training.continuity', { sessionId: first })).toEqual({
    session: 1,
    reluctance: null,
  });
  const second = await secondSession(first);
  const continuity = await call(core, 'training.continuity', { sessionId: second });
  expect(continuity.session).toBe(2);
  expect(continuity.reluctance).toMatchObject({
    session: 1,
    sessionId: first,
    startedAt: firstSummary.startedAt,
  });

  const carried = transitionGuidance(continuity.reluctance);
  expect(carried.reluctance).toMatchObject({ active: true, carriedFromSession: 1 });
  expect(carried.nextPrompts[0]?.source).toBe('supportive');
  const ids = carried.nextPrompts.map((p) => p.id);
  for (const escalating of ['transition.bothering', 'transition.place', 'transition.worried'])
    expect(ids).not.toContain(escalating);
  expect(carried.ladder?.find((s) => s.id === 'transition.bothering')?.state).toBe('withheld');
  // Without the carry (what the practice screen did before train32) the rung was reachable.
  const before = transitionGuidance(null);
  expect(before.ladder?.find((s) => s.id === 'transition.bothering')?.state).toBe('afterOpen');

  const ended = await call(core, 'training.endReluctance', { sessionId: second });
  expect(ended.seq).toBeGreaterThan(0);
  const { events } = await call(core, 'sessions.timeline', { sessionId: second });
  expect(events.find((e) => e.type === 'reluctance-ended')).toMatchObject({ fromSession: 1 });
  // Nothing holds any more: a second press of "Reluctance ended" is refused with a next step.
  const again = await callError(core, 'training.endReluctance', { sessionId: second });
  expect(again.code).toBe('CONFLICT');
  expect(again.message).toMatch(/Child reluctant/);
});

test('a withdrawn press, or none, is not carried; endReluctance then refuses', async () => {
  for (const press of ['withdrawn', 'none'] as const) {
    const second = await secondSession(await firstSession(press));
    expect(await call(core, 'training.continuity', { sessionId: second })).toEqual({
      session: 2,
      reluctance: null,
    });
    expect(await callError(core, 'training.endReluctance', { sessionId: second })).toMatchObject({
      code: 'CONFLICT',
    });
  }
});

test('not a practice interview: NOT_FOUND with what it is', async () => {
  const { caseId } = await call(core, 'cases.create', {
    reference: 'T32',
    childAlias: 'Sam',
    childAgeYears: 9,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  const error = await callError(core, 'training.continuity', { sessionId });
  expect(error.code).toBe('NOT_FOUND');
  expect(error.message).toMatch(/not a practice interview/);
});
