// Training screens on the fake core: pick a scenario, ask by Enter, see the child's words and
// the quiet coding hint, finish to feedback (false detail attributed to its question), see the
// progress table, and the scenario form's plain-language problems (nothing typed is lost).
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument */
import { screen, waitFor, within } from '@testing-library/react';
import { fakeCore, fail, type FakeCore } from './fake-core';
import { renderApp } from './render';
import { channels } from '../../src/api/contract';
import { formFrom, scenarioFrom } from '../../renderer/training/scenario-fields';

// chart.js needs a real canvas; jsdom has none. The chart's numbers are also in a table.
// The whole journey types many keystrokes; jsdom is slow on a busy machine.
jest.setTimeout(60_000);

jest.mock('react-chartjs-2', () => ({ Line: () => null, Bar: () => null }));

const FEEDBACK = {
  recommendedShare: 0.5,
  trueFactsElicited: 2,
  trueFactsTotal: 5,
  falseDetails: [
    {
      detail: 'the dog was black',
      questionNumber: 2,
      question: 'The dog was black, wasn’t it?',
      questionType: 'suggestive',
      source: 'suggested',
      lure: true,
    },
  ],
  scenarioId: 'dog-bite',
  scenarioTitle: 'A dog at the playground',
  seed: 1,
  language: 'en',
  ageYears: 6,
  questions: 2,
  prompts: 2,
  invitationShare: 0.5,
  counts: {
    invitation: 1,
    'cued-invitation': 0,
    facilitator: 0,
    directive: 0,
    'option-posing': 0,
    suggestive: 1,
    other: 0,
  },
  flagged: [
    {
      questionNumber: 2,
      text: 'The dog was black, wasn’t it?',
      type: 'suggestive',
      subtype: 'tag',
      reason: 'It suggests the answer.',
      suggestion: 'Tell me about the dog.',
    },
  ],
  findings: [],
  phases: [
    { phaseId: 'introduction', title: 'Introduction', status: 'done', label: 'done' },
    { phaseId: 'ground-rules', title: 'Ground rules', status: 'skipped', label: 'skipped' },
  ],
  rapportDone: false,
  groundRulesDone: false,
  facts: [
    { id: 'f1', text: 'A dog bit my hand', centrality: 'central', elicited: true },
    { id: 'f2', text: 'It was at the park', centrality: 'central', elicited: false },
  ],
  goals: [{ id: 'g1', text: 'Start with rapport before the topic.' }],
};

function trainingCore(
  extra: Record<string, (p: any) => unknown> = {},
  child: { answer: string; keywords: string[] } = {
    answer: 'A dog bit my hand.',
    keywords: ['dog'],
  },
): FakeCore {
  // The overrides call back into the fake they belong to (sessions live there).
  const ref: { core?: FakeCore } = {};
  let sessionId = '';
  let reports = 0;
  const overrides: Record<string, (p: any) => unknown> = {
    'training.scenarios': () => ({
      scenarios: [
        {
          id: 'dog-bite',
          title: 'A dog at the playground',
          ageYears: 6,
          language: 'en',
          personality: 'talkative',
          builtIn: true,
          factCount: 5,
        },
      ],
    }),
    'training.start': async () => {
      const r = await ref.core!.invoke('sessions.start', {
        mode: 'practice',
        protocolId: 'nichd',
        language: 'en',
        ageYears: 6,
      });
      sessionId = (r as { ok: true; value: { sessionId: string } }).value.sessionId;
      return { sessionId };
    },
    'training.ask': async (p) => {
      const suggestive = /wasn/.test(p.text);
      await ref.core!.invoke('sessions.addNote', { sessionId, kind: 'question', text: p.text });
      const answer = suggestive ? 'Yes, it was black.' : child.answer;
      await ref.core!.invoke('sessions.addNote', {
        sessionId,
        kind: 'child',
        text: answer,
        keywords: suggestive ? [] : child.keywords,
      });
      return {
        answer,
        questionNumber: 1,
        keywords: suggestive ? [] : child.keywords,
        coding: suggestive
          ? {
              type: 'suggestive',
              subtype: 'tag',
              recommended: false,
              reason: 'It suggests the answer.',
              suggestion: 'Tell me about the dog.',
            }
          : { type: 'invitation', subtype: 'tell', recommended: true, reason: 'Open.' },
      };
    },
    'training.finish': () => ({ feedback: FEEDBACK }),
    'training.progress': () => ({
      trainees: [
        {
          trainee: 'ada',
          inProgress: 0,
          sessions: [
            {
              sessionId: 'sess_1',
              startedAt: '2026-01-01T10:00:00.000Z',
              finishedAt: '2026-01-01T10:20:00.000Z',
              scenarioId: 'dog-bite',
              scenarioTitle: 'A dog at the playground',
              ageYears: 6,
              questions: 2,
              recommendedShare: 0.5,
              trueFactsElicited: 2,
              trueFactsTotal: 5,
              falseDetails: 1,
            },
          ],
        },
      ],
    }),
    // The first save succeeds; saving again to the same name is refused as the core does.
    'training.progressReport': (p) =>
      reports++ === 0 ? { path: p.outPath, pages: 1, sessions: 1 } : fail('CONFLICT'),
    ...extra,
  };
  ref.core = fakeCore(overrides);
  return ref.core;
}

async function openTraining(core: FakeCore) {
  const r = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await r.user.click(screen.getByRole('button', { name: 'Training' }));
  await screen.findByRole('heading', { name: 'Training' });
  return r;
}

test('chips offer the child’s whole phrases ("the bus station"), never its words apart (audit 18, F-13)', async () => {
  const core = trainingCore(
    {},
    {
      answer:
        'He had a gray hoodie. He went toward the bus station with a sleeping bag on a blue mountain bike and a helmet.',
      keywords: [
        'a gray hoodie',
        'the bus station',
        'a blue mountain bike',
        'Yeah. He had a black hoodie and he rode away',
        'Mr. Dan',
      ],
    },
  );
  const { user } = await openTraining(core);
  await user.click(
    await screen.findByRole('button', { name: 'Start practice: A dog at the playground' }),
  );
  const box = await screen.findByLabelText('Your question to the child');
  await user.type(box, 'Tell me everything about that day.{Enter}');
  await screen.findByText(/the bus station with a sleeping bag/);
  const chips = within(await screen.findByRole('region', { name: "The child's words" }));
  // The repeated sentence (an adopted detail) is no chip; a title's period is no sentence.
  expect(chips.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
    'Ask about “a gray hoodie”',
    'Ask about “the bus station”',
    'Ask about “a blue mountain bike”',
    'Ask about “Mr. Dan”',
  ]);
  await user.click(chips.getByRole('button', { name: 'Ask about “the bus station”' }));
  await waitFor(() =>
    expect(box).toHaveValue('You said, “the bus station”. Tell me more about that.'),
  );
});

test('a practice interview: Enter asks, the child answers, coding shows, feedback attributes false details', async () => {
  const core = trainingCore();
  const { user } = await openTraining(core);
  await user.click(
    await screen.findByRole('button', { name: 'Start practice: A dog at the playground' }),
  );
  const start = core.calls.find((c) => c.channel === 'training.start');
  expect(Number.isInteger(start?.payload.seed)).toBe(true);
  expect(await screen.findByTestId('practice-badge')).toHaveTextContent('not evidence');

  const box = await screen.findByLabelText('Your question to the child');
  await user.type(box, 'Tell me everything about that day.{Enter}');
  expect(await screen.findByText('A dog bit my hand.')).toBeInTheDocument();
  expect(screen.getByTestId('last-coding')).toHaveTextContent('Open invitation');
  expect(box).toHaveValue('');
  // The child's keyword becomes a chip that builds a cued invitation.
  await user.click(await screen.findByRole('button', { name: /dog/ }));
  await waitFor(() => expect(box).toHaveValue('You said, “dog”. Tell me more about that.'));
  await user.clear(box);

  await user.type(box, 'The dog was black, wasn’t it?{Enter}');
  expect(await screen.findByText('Yes, it was black.')).toBeInTheDocument();
  const coding = screen.getByTestId('last-coding');
  expect(coding).toHaveTextContent('Suggestive question');
  expect(coding).toHaveTextContent('Tell me about the dog.');

  // Phases come from the session's protocol plan and go through sessions.enterPhase.
  const phaseButtons = within(screen.getByRole('complementary')).getAllByRole('button', {
    name: /^Go to phase/,
  });
  await user.click(phaseButtons[phaseButtons.length - 1]!);
  await waitFor(() =>
    expect(core.calls.some((c) => c.channel === 'sessions.enterPhase')).toBe(true),
  );

  await user.click(screen.getByRole('button', { name: 'Finish and see feedback' }));
  // "What do you conclude happened?" is a step: finishing without it says so and loses nothing.
  await user.click(screen.getByRole('button', { name: 'Yes, finish' }));
  expect(await screen.findByTestId('conclusion-needed')).toHaveTextContent(
    'Choose what you conclude happened first',
  );
  expect(core.calls.some((c) => c.channel === 'training.finish')).toBe(false);
  await user.click(screen.getByRole('radio', { name: 'It cannot be told from this interview' }));
  expect(screen.queryByTestId('conclusion-needed')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Yes, finish' }));
  expect(core.calls.find((c) => c.channel === 'training.finish')?.payload).toMatchObject({
    conclusion: 'cannot-tell',
  });
  expect(
    await screen.findByRole('heading', { name: 'Feedback: A dog at the playground' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('figures')).toHaveTextContent('50%');
  expect(screen.getByTestId('figures')).toHaveTextContent('2 of 5');
  const falseDetails = screen.getByTestId('false-details');
  expect(falseDetails).toHaveTextContent('the dog was black');
  expect(falseDetails).toHaveTextContent('Introduced by question 2');
  expect(screen.getByTestId('flagged')).toHaveTextContent(
    'Better: “Tell me about the dog.”'.replace(/[“”]/g, ''),
  );
  expect(screen.getByTestId('goals')).toHaveTextContent('Start with rapport');
  expect(screen.getByRole('cell', { name: 'Skipped' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'See my progress' }));
  expect(await screen.findByTestId('progress-table')).toHaveTextContent('A dog at the playground');
  await user.type(screen.getByLabelText('Save the PDF report as'), '/tmp/progress.txt');
  await user.click(screen.getByRole('button', { name: 'Save printable report' }));
  expect(screen.getByText('The file name must end in .pdf.')).toBeInTheDocument();
  await user.clear(screen.getByLabelText('Save the PDF report as'));
  await user.type(screen.getByLabelText('Save the PDF report as'), '/tmp/progress.pdf');
  await user.click(screen.getByRole('button', { name: 'Save printable report' }));
  expect(await screen.findByTestId('report-saved')).toHaveTextContent('/tmp/progress.pdf');
  await user.click(screen.getByRole('button', { name: 'Save printable report' }));
  expect(await screen.findByText(/A file with this name already exists there/)).toBeInTheDocument();
  expect(screen.queryByText(/Someone changed this/)).not.toBeInTheDocument();
  expect(screen.queryByTestId('report-saved')).not.toBeInTheDocument();
});

test('a failed question keeps its text in the box and explains calmly', async () => {
  const core = trainingCore({ 'training.ask': () => fail('VAULT_LOCKED') });
  const { user } = await openTraining(core);
  await user.click(
    await screen.findByRole('button', { name: 'Start practice: A dog at the playground' }),
  );
  const box = await screen.findByLabelText('Your question to the child');
  await user.type(box, 'What happened next?{Enter}');
  await waitFor(() => expect(box).toHaveValue('What happened next?'));
  expect(screen.queryByText(/internal/)).not.toBeInTheDocument();
});

test('the scenario form lists problems in plain language and keeps what was typed', async () => {
  const saves: any[] = [];
  const core = trainingCore({
    'training.saveScenario': (p) => {
      saves.push(p);
      return { scenarioId: `scn_${'a'.repeat(32)}`, version: 1 };
    },
  });
  const { user } = await openTraining(core);
  await user.click(screen.getByRole('button', { name: 'Write a scenario' }));
  await user.type(screen.getByLabelText('Title'), 'A lost cat');
  await user.type(
    screen.getByLabelText('Fact 1: the child\u2019s words'.replace('\u2019', "'")),
    'My cat ran away',
  );
  await user.click(screen.getByRole('button', { name: 'Save scenario' }));
  const problems = await screen.findByTestId('form-problems');
  expect(problems).toHaveTextContent("Child's name: please fill this in.");
  expect(problems).toHaveTextContent('Fact 2, the words: please fill this in.');
  expect(problems).not.toHaveTextContent(/required|too_small|Invalid/);
  expect(saves).toHaveLength(0);
  expect(screen.getByLabelText('Title')).toHaveValue('A lost cat');

  await user.type(screen.getByLabelText("Child's name (alias)"), 'Sam');
  await user.type(screen.getByLabelText('Fact 1: keywords, separated by commas'), 'cat');
  for (const n of [2, 3]) {
    await user.type(screen.getByLabelText(`Fact ${n}: the child's words`), `Fact number ${n}`);
    await user.type(screen.getByLabelText(`Fact ${n}: keywords, separated by commas`), `word${n}`);
  }
  await user.type(screen.getByLabelText('Lure 1: what did not happen'), 'A dog chased it');
  await user.type(screen.getByLabelText('Lure 1: keywords, separated by commas'), 'dog');
  await user.click(screen.getByRole('button', { name: 'Save scenario' }));
  expect(await screen.findByTestId('scenario-saved')).toHaveTextContent('version 1');
  expect(saves[0].scenario.facts[0]).toMatchObject({ id: 'fact-1', keywords: ['cat'] });
});

test('a loaded scenario saves back with its practice event, reluctance, outcome and differing wordings', () => {
  const fact = (
    id: string,
    centrality: 'central' | 'peripheral',
    text: string,
    retold?: string,
  ) => ({
    id,
    category: 'what' as const,
    centrality,
    text,
    keywords: [id],
    ...(retold ? { retold } : {}),
  });
  const s = {
    id: `scn_${'b'.repeat(32)}`,
    language: 'en' as const,
    title: 'Bike',
    summary: 'A bike was taken.',
    ageYears: 11,
    alias: 'Leo',
    personality: 'reluctant' as const,
    rapport: ['I like bikes.'],
    practiceEvent: [fact('cake', 'central', 'We had cake.'), fact('game', 'central', 'We played.')],
    outcome: 'nothing-happened' as const,
    facts: [
      fact('bike', 'central', 'My bike was gone.'),
      fact('hoodie', 'peripheral', 'He had a gray hoodie.', 'He had a black hoodie.'),
      fact('bus', 'central', 'He went to the bus.'),
    ],
    lures: [{ id: 'knife', text: 'He had a knife.', keywords: ['knife'] }],
    builtIn: false,
  };
  const saved = scenarioFrom(formFrom({ ...s, reluctance: 0.4 }), undefined);
  expect(saved.practiceEvent).toEqual(s.practiceEvent);
  expect(saved.reluctance).toBe(0.4);
  expect(saved.outcome).toBe(s.outcome);
  expect(saved.facts).toEqual(s.facts);
  expect(saved.facts.find((f) => f.id === 'hoodie')?.retold).toBe(
    s.facts.find((f) => f.id === 'hoodie')?.retold,
  );
  expect(channels['training.saveScenario'].request.safeParse({ scenario: saved }).success).toBe(
    true,
  );
  // A reluctance that is not a number from 0 to 1 is named, not reshaped.
  const bad = scenarioFrom({ ...formFrom(s), reluctance: 'high' }, undefined);
  const parsed = channels['training.saveScenario'].request.safeParse({ scenario: bad });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.some((i) => i.path.join('.') === 'scenario.reluctance')).toBe(true);
});

test('left-out training records show their notices, never their content (red team 19, R19-2, R19-3)', async () => {
  const core = trainingCore({
    'training.scenarios': () => ({
      scenarios: [],
      withheld:
        'A training scenario that its author did not sign was left out; ask an admin to run vault check. Its author can save it again.',
    }),
    'training.progress': () => ({
      trainees: [
        {
          trainee: 'ada',
          displayName: 'Ada',
          inProgress: 0,
          sessions: [
            {
              sessionId: 'sess_1',
              startedAt: '2026-01-01T10:00:00.000Z',
              scenarioId: 'dog-bite',
              scenarioTitle: 'A dog at the playground',
              ageYears: 6,
              session: 1,
              questions: 2,
              recommendedShare: 0.5,
              invitationShare: 0.5,
              optionPosing: 0,
              suggestive: 1,
              reviewed: false,
              reviewWithheld: true,
              trueFactsElicited: 1,
              trueFactsTotal: 5,
              falseDetails: 2,
              setupCheck: 'scenario-changed',
            },
          ],
        },
      ],
    }),
  });
  const { user } = await openTraining(core);
  expect(await screen.findByTestId('scenarios-withheld')).toHaveTextContent(
    'its author did not sign was left out',
  );
  await user.click(screen.getByRole('button', { name: 'Progress' }));
  expect(await screen.findByTestId('setup-changed')).toHaveTextContent(
    '1 practice interview’s setup held a scenario copy that is not the scenario it names'.replace(
      '’',
      "'",
    ),
  );
});

test('practice: "Reluctance ended" beside the reluctance line, as on the live screen (issue #18)', async () => {
  const core = trainingCore();
  const { user } = await openTraining(core);
  await user.click(
    await screen.findByRole('button', { name: 'Start practice: A dog at the playground' }),
  );
  await screen.findByLabelText('Your question to the child');
  const side = screen.getByRole('complementary');
  await user.click(within(side).getByRole('button', { name: /reluctant/i }));
  const row = await screen.findByTestId('reluctance-row');
  expect(row).toHaveTextContent('Reluctance noted.');
  await user.click(within(row).getByRole('button', { name: 'Reluctance ended' }));
  await waitFor(() => expect(screen.queryByTestId('reluctance-row')).toBeNull());
  const practice = core.calls.filter((c) => /Reluctance$/.test(c.channel)).map((c) => c.channel);
  // Through the training channel (train32): it also ends reluctance carried from session 1.
  expect(practice).toEqual(['sessions.markReluctance', 'training.endReluctance']);
});

test('practice, second session: the reluctance noted in session 1 is carried, support first, and can be ended (review B3, train32)', async () => {
  // Noon UTC: the same calendar day in every time zone the test may run in.
  const core = trainingCore({
    'training.continuity': () => ({
      session: 2,
      reluctance: {
        session: 1,
        sessionId: 'sess_' + '1'.repeat(32),
        startedAt: '2026-12-03T12:00:00.000Z',
        notedAtMs: 5000,
      },
    }),
  });
  const { user } = await openTraining(core);
  await user.click(
    await screen.findByRole('button', { name: 'Start practice: A dog at the playground' }),
  );
  await screen.findByLabelText('Your question to the child');
  // No press in this session: the line says where the reluctance came from.
  const row = await screen.findByTestId('reluctance-row');
  expect(row).toHaveTextContent('Reluctance was noted in session 1 (Dec 3).');
  // Support comes first among the suggestions (revised NICHD; Hershkowitz et al. 2021).
  expect(document.querySelector('#prompt-list li')).toHaveTextContent(
    'I really want to get to know you and understand what happens in your life.',
  );
  await user.click(within(row).getByRole('button', { name: 'Reluctance ended' }));
  await waitFor(() => expect(screen.queryByTestId('reluctance-row')).toBeNull());
  expect(core.calls.map((c) => c.channel)).toContain('training.endReluctance');
  expect(core.calls.map((c) => c.channel)).not.toContain('sessions.endReluctance');
});
