// NICHD feedback, the conclusion step, second sessions, the configurable threshold and trainer
// review, through createCore as the app calls them.
import type { Core } from '../../../src/api/core';
import { call, callError, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long practice passphrase';
const USERS = [
  { username: 'tina', displayName: 'Tina Trainee', role: 'interviewer' },
  { username: 'tara', displayName: 'Tara Trainer', role: 'trainer' },
] as const;

let core: Core & { vaultDir: string };

async function signIn(username: string): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username, passphrase: PASS });
}

async function practise(
  scenarioId: string,
  steps: Array<[phaseId: string, questions: string[]]>,
  finish: Record<string, unknown> = {},
  start: Record<string, unknown> = {},
) {
  const { sessionId } = await call(core, 'training.start', {
    scenarioId,
    seed: 5,
    language: 'en',
    ...start,
  });
  for (const [phaseId, questions] of steps) {
    await call(core, 'sessions.enterPhase', { sessionId, phaseId });
    for (const text of questions) await call(core, 'training.ask', { sessionId, text });
  }
  const { feedback } = await call(core, 'training.finish', { sessionId, ...finish });
  return { sessionId, feedback };
}

beforeAll(async () => {
  core = await makeVault();
  for (const u of USERS) await call(core, 'users.add', { ...u, passphrase: PASS });
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

test('review F1: 8 wh- questions and 4 invitations is not 100% recommended nor "Good open questioning"', async () => {
  await signIn('tina');
  const { feedback } = await practise('party-push', [
    ['rapport', ['Tell me about things you like to do.', 'Tell me more about that.']],
    [
      'investigation',
      [
        'Tell me everything that happened.',
        // Wh- questions that assume nothing the child has not said ("What did the man do?" before
        // the child mentions a man is presumptive, so it would count as suggestive).
        'What did you do?',
        'Who was there?',
        'Where were you?',
        'What was he wearing?',
        'Tell me more about that.',
        'When did it happen?',
        'Who else was there?',
        // Not "What happened to the juice?": this reluctant child never said juice, and a wh-
        // question about "the X" the child never named is presumptive (practitioner review 6, C1).
        'What did you see?',
        'Who did you tell?',
      ],
    ],
  ]);
  const m = feedback.measures!;
  // The headline shares are over the substantive phase: the two rapport invitations neither
  // earn nor cost (rev21 finding 8), so 2 of 10 prompts.
  expect(feedback.recommendedShare).toBeCloseTo(2 / 10, 5);
  expect(feedback.invitationShare).toBeCloseTo(2 / 10, 5);
  expect(m.substantivePrompts).toBe(10);
  expect(m.substantiveInvitationShare).toBeCloseTo(0.2, 5);
  expect(m.directives).toBe(8);
  expect(m.firstSubstantivePrompt).toEqual({ questionNumber: 3, type: 'invitation' });
  expect(m.invitationsBeforeFocused).toBe(1);
  expect(feedback.goals.map((g) => g.id)).not.toContain('keepGoing');
  expect(feedback.goals.map((g) => g.text).join(' ')).not.toMatch(/Good open questioning/);
});

test('protocol-scripted prompts never cost points; ground rules practised vs stated; narrative practice', async () => {
  await signIn('tina');
  const { feedback } = await practise('stolen-bike', [
    ['rapport', ["I'd like to get to know you a bit. Tell me about things you like to do."]],
    [
      'groundRules',
      [
        "If I ask a question and you don't know the answer, just say \"I don't know\". Don't guess.",
        'So if I ask you, "What is my dog\'s name?", what would you say?',
        'Sometimes I make mistakes. If I say something wrong, tell me.',
      ],
    ],
    [
      'narrativePractice',
      [
        'Tell me everything that happened over spring break.',
        'And then what happened?',
        'Tell me more about the sandcastle.',
      ],
    ],
    [
      'transition',
      ['Now that I know you a little better, tell me what you came here to talk about today.'],
    ],
    ['investigation', ['And then what happened?', 'Tell me more about that.']],
    ['closing', ['Is there anything else you think I should know?']],
  ]);
  const m = feedback.measures!;
  expect(m.scriptedPrompts).toBeGreaterThanOrEqual(3);
  // No scripted prompt is flagged.
  const scripted = new Set(feedback.coded!.flatMap((c, i) => (c.scripted ? [i + 1] : [])));
  expect(feedback.flagged.filter((f) => scripted.has(f.questionNumber))).toEqual([]);
  expect(Object.fromEntries(m.groundRules.map((r) => [r.rule, r.status]))).toMatchObject({
    dontKnow: 'practised',
    correctMe: 'stated',
    dontUnderstand: 'missing',
  });
  expect(m.narrativePractice.prompts).toBe(3);
  expect(m.narrativePractice.quality).toBe('good');
  expect(m.allegationBy).toBe('child');
  expect(feedback.phases.find((p) => p.phaseId === 'narrativePractice')?.status).toBe('done');
});

test('the conclusion step: nothing-happened scenario after suggestion; feedback names the planted allegation', async () => {
  await signIn('tina');
  const { feedback } = await practise(
    'visitor-nothing',
    [
      [
        'investigation',
        [
          "Mr. Dan ripped a book, didn't he?",
          'The other kids told me he pushed a kid.',
          'Tell me everything about that.',
        ],
      ],
    ],
    { conclusion: 'event' },
  );
  expect(feedback.measures!.allegationBy).toBe('interviewer');
  expect(feedback.conclusion).toMatchObject({
    chosen: 'event',
    // "Cannot tell" is acceptable too when nothing happened (N18d-10); "event" stays wrong.
    expected: ['nothing-happened', 'cannot-tell'],
    correct: false,
  });
  expect(feedback.conclusion!.explanation).toMatch(/Nothing harmful happened/);
  expect(feedback.goals[0]?.id).toBe('noNewDetails');
  expect(
    await callError(core, 'training.finish', { sessionId: 'x', conclusion: 'maybe' }),
  ).toMatchObject({
    code: 'INVALID_INPUT',
  });
});

test('"not today" and a second session with the same child; support in the first carries over', async () => {
  await signIn('tina');
  const pressure = Array.from({ length: 7 }, (_, i) =>
    i % 2 === 0 ? 'You need to tell me what happened.' : 'Tell me what happened.',
  );
  let first: Awaited<ReturnType<typeof practise>> | undefined;
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const run = await practise(
      'pupil-threats',
      [['investigation', pressure]],
      { conclusion: 'cannot-tell' },
      { seed },
    );
    if (run.feedback.notToday) {
      first = run;
      break;
    }
  }
  expect(first).toBeDefined();
  expect(first!.feedback.goals.map((g) => g.id)).toContain('secondSession');
  expect(first!.feedback.conclusion?.correct).toBe(true);
  const second = await practise(
    'pupil-threats',
    [
      [
        'investigation',
        [
          'I can see this is hard to talk about. You can take your time.',
          'Tell me what you came here to talk about today.',
        ],
      ],
    ],
    {},
    { continues: first!.sessionId, seed: 99 },
  );
  expect(second.feedback.session).toBe(2);
  // Not a different child: the second session reuses the first session's seed and snapshot.
  expect(second.feedback.seed).toBe(first!.feedback.seed);
  expect(
    await callError(core, 'training.start', {
      scenarioId: 'dog-bite',
      seed: 1,
      language: 'en',
      continues: first!.sessionId,
    }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
});

test('settings: trainers set the "Good open questioning" threshold; trainees cannot', async () => {
  await signIn('tina');
  expect((await call(core, 'training.settings', {})).settings.goodInvitationShare).toBe(0.5);
  expect(await callError(core, 'training.setSettings', { goodInvitationShare: 0.3 })).toMatchObject(
    { code: 'FORBIDDEN' },
  );
  await signIn('tara');
  expect(await callError(core, 'training.setSettings', { goodInvitationShare: 1.5 })).toMatchObject(
    { code: 'INVALID_INPUT' },
  );
  const { settings } = await call(core, 'training.setSettings', { goodInvitationShare: 0.7 });
  expect(settings).toMatchObject({ goodInvitationShare: 0.7, updatedBy: 'tara', version: 1 });
  await signIn('tina');
  const { feedback } = await practise('dog-bite', [
    [
      'investigation',
      ['Tell me everything that happened.', 'And then what happened?', 'Where were you?'],
    ],
  ]);
  expect(feedback.measures!.goodInvitationShare).toBe(0.7);
  expect(feedback.goals.map((g) => g.id)).toContain('moreInvitations');
  await signIn('tara');
  await call(core, 'training.setSettings', { goodInvitationShare: 0.5 });
});

test('trainer review: per-question comments returned to the trainee; progress uses the same measures and display names', async () => {
  await signIn('tina');
  const { sessionId, feedback } = await practise('dog-bite', [
    [
      'investigation',
      [
        'Tell me everything that happened.',
        "The dog was black, wasn't it?",
        'Tell me more about that.',
      ],
    ],
  ]);
  expect(
    await callError(core, 'training.saveReview', {
      sessionId,
      comments: [{ questionNumber: 1, text: 'Good.' }],
    }),
  ).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect((await call(core, 'training.review', { sessionId })).review).toBeUndefined();

  await signIn('tara');
  expect(
    await callError(core, 'training.saveReview', {
      sessionId,
      comments: [{ questionNumber: 9, text: 'x' }],
    }),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(await callError(core, 'training.saveReview', { sessionId, comments: [] })).toMatchObject({
    code: 'INVALID_INPUT',
  });
  const saved = await call(core, 'training.saveReview', {
    sessionId,
    comments: [
      { questionNumber: 1, text: 'A good open start.' },
      { questionNumber: 2, text: 'This tag question supplied "black".' },
    ],
    overall: 'Keep to invitations after the first account.',
  });
  expect(saved.review).toMatchObject({
    reviewer: 'tara',
    reviewerName: 'Tara Trainer',
    version: 1,
  });
  const again = await call(core, 'training.saveReview', {
    sessionId,
    comments: [{ questionNumber: 2, text: 'Edited.' }],
  });
  expect(again.review.version).toBe(2);

  const progress = await call(core, 'training.progress', { trainee: 'tina' });
  const series = progress.trainees[0]!;
  expect(series.displayName).toBe('Tina Trainee');
  const point = series.sessions.find((s) => s.sessionId === sessionId)!;
  expect(point.reviewed).toBe(true);
  expect(point.invitationShare).toBeCloseTo(feedback.measures!.substantiveInvitationShare, 10);
  expect(point.suggestive).toBe(feedback.measures!.suggestive);

  await signIn('tina');
  const { review } = await call(core, 'training.review', { sessionId });
  expect(review?.comments).toEqual([{ questionNumber: 2, text: 'Edited.' }]);
});

test('outside review #1: "Tell me more about the man who hurt you" at age 4 is not the scripted "Tell me more about [the child\'s word]"', async () => {
  await signIn('tina');
  const { feedback } = await practise('dog-bite', [
    [
      'investigation',
      ['Tell me everything that happened.', 'Tell me more about the man who hurt you.'],
    ],
  ]);
  expect(feedback.ageYears).toBe(4);
  expect(feedback.coded![1]?.scripted).toBe(false);
  // The coach's code stands: the utterance names a man and hurt the child never mentioned.
  expect(feedback.coded![1]?.type).toBe('suggestive');
  expect(feedback.flagged.map((f) => f.questionNumber)).toContain(2);
  expect(feedback.measures!.substantiveInvitationShare).toBeLessThan(1);
});

test('outside review #2: scripted prompts cost nothing: "Has somebody been bothering you?" plants no goal; the "woke up until you went to bed" prompt is an invitation', async () => {
  await signIn('tina');
  // The NICHD revised wordings for the age (3-5 has its own, shorter ones).
  const OLDER = [
    'Think back to yesterday. Tell me everything that happened yesterday, from the time you woke up until you went to bed.',
    'Has somebody been bothering you?',
    'Tell me everything about that.',
  ];
  const practice: Record<string, string[]> = {
    'dog-bite': [
      'Tell me everything you did this morning.',
      'Did somebody bother you?',
      'Tell me everything.',
    ],
    'stolen-bike': OLDER,
    'party-push': OLDER,
  };
  for (const [scenarioId, [narrative, bothering, follow]] of Object.entries(practice)) {
    const { feedback } = await practise(scenarioId, [
      ['narrativePractice', [narrative!]],
      ['investigation', [bothering!, follow!]],
    ]);
    expect(feedback.coded![0]?.scripted).toBe(true);
    expect(feedback.coded![0]?.type).toBe('invitation');
    expect(feedback.coded![1]?.scripted).toBe(true);
    expect(feedback.falseDetails.filter((d) => d.questionNumber <= 2)).toEqual([]);
    expect(feedback.goals.map((g) => g.text).join(' ')).not.toMatch(/bother|woke|bed|morning/i);
  }
});
