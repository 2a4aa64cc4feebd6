// Practice interviews through createCore: scenarios, a whole practice interview on the same
// session machinery as a live one, feedback that matches the coded transcript, a restart that
// gives the same child, progress and its PDF, bad input, and who may see what.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/api/core';
import { buildQualityReport, type Turn } from '../../../src/questions';
import {
  ADMIN,
  call,
  callError,
  makeCore,
  makeVault,
  plaintextHits,
  removeDir,
  tempDir,
} from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long practice passphrase';
const USERS = [
  { username: 'tina', displayName: 'Tina Trainee', role: 'interviewer' },
  { username: 'tom', displayName: 'Tom Trainee', role: 'interviewer' },
  { username: 'tara', displayName: 'Tara Trainer', role: 'trainer' },
  { username: 'rex', displayName: 'Rex Reviewer', role: 'reviewer' },
] as const;

const QUESTIONS = [
  'Tell me everything that happened.',
  'And then what happened?',
  "The dog was black, wasn't it?",
  'Was it a big dog?',
  'Tell me more about the dog.',
  'What happened next?',
  'Why did the dog do that?',
  'Uh-huh.',
];

async function signIn(core: Core, username: string): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', {
    username,
    passphrase: username === ADMIN.username ? ADMIN.passphrase : PASS,
  });
}

async function timelineTurns(core: Core, sessionId: string): Promise<Turn[]> {
  const { events } = await call(core, 'sessions.timeline', { sessionId });
  return events
    .filter((e) => e.type === 'note' && (e.kind === 'question' || e.kind === 'child'))
    .map((e) => ({ speaker: e.kind === 'question' ? 'interviewer' : 'child', text: e.text ?? '' }));
}

const SCENARIO = {
  language: 'en',
  title: 'Lost phone at the swimming pool',
  summary: 'A 12-year-old saw an older girl take a phone from a bench.',
  ageYears: 12,
  alias: 'Robin',
  personality: 'talkative',
  facts: [
    {
      id: 'pool',
      category: 'where',
      centrality: 'central',
      text: 'We were at the swimming pool.',
      keywords: ['pool', 'swimming'],
    },
    {
      id: 'bench',
      category: 'object',
      centrality: 'peripheral',
      text: 'My phone was on the bench by the lockers.',
      keywords: ['bench', 'lockers'],
    },
    {
      id: 'girl',
      category: 'who',
      centrality: 'central',
      text: 'An older girl with a yellow towel picked it up.',
      keywords: ['girl', 'towel', 'yellow'],
    },
    {
      id: 'left',
      category: 'sequence',
      centrality: 'central',
      text: 'She walked out through the cafe.',
      keywords: ['cafe', 'walked'],
    },
  ],
  lures: [{ id: 'boy', text: 'It was a boy.', keywords: ['boy'] }],
};

let core: Core & { vaultDir: string };

beforeAll(async () => {
  core = await makeVault();
  for (const u of USERS) await call(core, 'users.add', { ...u, passphrase: PASS });
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

test('six or more scenarios in English and Spanish across the four age bands', async () => {
  await signIn(core, 'tina');
  for (const language of ['en', 'es']) {
    const { scenarios } = await call(core, 'training.scenarios', { language });
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    const ages = scenarios.map((s) => s.ageYears);
    for (const [lo, hi] of [
      [3, 5],
      [6, 9],
      [10, 13],
      [14, 17],
    ])
      expect(ages.some((a) => a >= lo! && a <= hi!)).toBe(true);
    // Trainees see titles and ages, never the hidden summary.
    expect(scenarios.every((s) => s.summary === undefined)).toBe(true);
  }
});

test('a practice interview: answers in the transcript, feedback matching the coded transcript, sealed', async () => {
  await signIn(core, 'tina');
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: 'dog-bite',
    seed: 11,
    language: 'en',
  });
  const summary = await call(core, 'sessions.get', { sessionId });
  expect(summary).toMatchObject({
    mode: 'practice',
    ageYears: 4,
    interviewer: 'tina',
    status: 'active',
  });
  expect(summary.caseId).toBeUndefined();

  await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'rapport' });
  const rapport = await call(core, 'training.ask', {
    sessionId,
    text: 'Tell me about things you like to do.',
  });
  expect(rapport.coding.type).toBe('invitation');
  await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'investigation' });
  const answers: string[] = [];
  for (const text of QUESTIONS) {
    const reply = await call(core, 'training.ask', { sessionId, text });
    expect(reply.answer.length).toBeGreaterThan(0);
    answers.push(reply.answer);
  }

  // The live-interview timeline shows each question followed by the child's answer.
  const turns = await timelineTurns(core, sessionId);
  expect(turns).toHaveLength(2 * (QUESTIONS.length + 1));
  turns.forEach((t, i) => expect(t.speaker).toBe(i % 2 === 0 ? 'interviewer' : 'child'));
  expect(
    turns
      .filter((t) => t.speaker === 'child')
      .slice(1)
      .map((t) => t.text),
  ).toEqual(answers);

  const { feedback } = await call(core, 'training.finish', { sessionId });
  expect((await call(core, 'sessions.get', { sessionId })).status).toBe('sealed');

  // Coding numbers: the coach's own report over the stored transcript.
  // Each question keeps the coach's code unless it is one of the protocol's scripted prompts,
  // which takes the plan's kind (never costs points).
  const report = buildQualityReport(turns, { language: 'en', childAgeYears: 4 });
  const coachTypes = report.coded
    .filter((t) => t.speaker === 'interviewer')
    .map((t) => t.coding!.type);
  const coded = feedback.coded!;
  coded.forEach((c, i) => {
    if (!c.scripted) expect(c.type).toBe(coachTypes[i]);
  });
  for (const [type, n] of Object.entries(feedback.counts))
    expect(n).toBe(coded.filter((c) => c.type === type).length);
  // recommendedShare counts invitations, cued invitations and facilitators (never directives),
  // over the substantive phase only: rapport questions neither cost nor earn (rev21 finding 8).
  const isOpen = (c: (typeof coded)[number]) =>
    ['invitation', 'cued-invitation', 'facilitator'].includes(c.type);
  const prompts = coded.filter(
    (c) => c.stage === 'substantive' && c.type !== 'other' && (isOpen(c) || !c.scripted),
  );
  const open = prompts.filter(isOpen);
  expect(feedback.recommendedShare).toBeCloseTo(open.length / prompts.length, 10);
  expect(feedback.counts.directive).toBeGreaterThan(0);
  expect(feedback.questions).toBe(QUESTIONS.length + 1);
  const questionTexts = turns.filter((t) => t.speaker === 'interviewer').map((t) => t.text);
  const childTexts = turns.filter((t) => t.speaker === 'child').map((t) => t.text);
  expect(feedback.flagged.map((f) => questionTexts[f.questionNumber - 1])).toEqual(
    report.flagged.map((f) => f.text),
  );
  expect(feedback.flagged.some((f) => f.type === 'suggestive' && f.suggestion)).toBe(true);
  // Facts: each elicited fact is in the child's answer to the question credited with it.
  expect(feedback.trueFactsTotal).toBe(feedback.facts.length);
  expect(feedback.trueFactsElicited).toBe(feedback.facts.filter((f) => f.elicited).length);
  // train31: a first telling may be the fact's brief form (fact.brief); told only so, the
  // feedback says toldOnlyBriefly and the full wording is in no answer.
  const inner = (text: string) => text.replace(/\.$/, '').slice(1);
  for (const fact of feedback.facts) {
    const forms = [fact.text, ...(fact.brief !== undefined ? [fact.brief] : [])].map(inner);
    const said = childTexts.some((t) => forms.some((f) => t.includes(f)));
    expect(said).toBe(fact.elicited);
    if (fact.elicited)
      expect(forms.some((f) => childTexts[fact.questionNumber! - 1]!.includes(f))).toBe(true);
    if (fact.toldOnlyBriefly)
      expect(childTexts.some((t) => t.includes(inner(fact.text)))).toBe(false);
  }
  // False details: named with the question that introduced them, which the child answered.
  for (const fd of feedback.falseDetails) {
    expect(fd.question).toBe(questionTexts[fd.questionNumber - 1]);
    expect(childTexts[fd.questionNumber - 1]!.length).toBeGreaterThan(0);
  }
  expect(feedback.goals.length).toBeGreaterThanOrEqual(1);
  expect(feedback.goals.length).toBeLessThanOrEqual(2);
  expect(feedback.phases.find((p) => p.phaseId === 'rapport')?.status).toBe('done');
  expect(feedback.phases.find((p) => p.phaseId === 'groundRules')?.status).toBe('skipped');

  // Finished: no more questions, finishing again gives the stored feedback, nothing changes.
  const before = (await call(core, 'sessions.get', { sessionId })).eventCount;
  expect(await callError(core, 'training.ask', { sessionId, text: 'And then?' })).toMatchObject({
    code: 'SESSION_SEALED',
  });
  expect((await call(core, 'training.finish', { sessionId })).feedback).toEqual(feedback);
  expect((await call(core, 'training.feedback', { sessionId })).feedback).toEqual(feedback);
  expect((await call(core, 'sessions.get', { sessionId })).eventCount).toBe(before);

  // Practice is never evidence.
  const out = tempDir();
  try {
    expect((await core.invoke('export.sealed', { sessionId, outDir: out })).ok).toBe(false);
  } finally {
    removeDir(out);
  }
});

test('the same scenario, seed and questions give the same child, across a restart', async () => {
  await signIn(core, 'tina');
  const reference = await call(core, 'training.start', {
    scenarioId: 'stolen-bike',
    seed: 5,
    language: 'es',
  });
  const expected: string[] = [];
  const questions = [
    'Cuéntame todo lo que pasó.',
    'Tenía un cuchillo, ¿verdad?',
    '¿Y luego qué pasó?',
    '¿Qué más pasó?',
  ];
  for (const text of questions)
    expected.push(
      (await call(core, 'training.ask', { sessionId: reference.sessionId, text })).answer,
    );

  const { sessionId } = await call(core, 'training.start', {
    scenarioId: 'stolen-bike',
    seed: 5,
    language: 'es',
  });
  await call(core, 'training.ask', { sessionId, text: questions[0] });
  await call(core, 'training.ask', { sessionId, text: questions[1] });
  // The app restarts: a new core on the same vault, nothing kept in memory.
  core.close();
  core = makeCore(core.vaultDir);
  await call(core, 'vault.unlock', { username: 'tina', passphrase: PASS });
  const got = [
    ...(await timelineTurns(core, sessionId))
      .filter((t) => t.speaker === 'child')
      .map((t) => t.text),
  ];
  got.push((await call(core, 'training.ask', { sessionId, text: questions[2] })).answer);
  got.push((await call(core, 'training.ask', { sessionId, text: questions[3] })).answer);
  expect(got).toEqual(expected);
});

test('bad input gets typed errors and changes nothing', async () => {
  await signIn(core, 'tara');
  const listed = (await call(core, 'training.scenarios', { language: 'en' })).scenarios.length;
  const unknownSession = 'sess_' + '0'.repeat(32);
  const cases: Array<[string, string, unknown, string]> = [
    [
      'unknown scenario',
      'training.start',
      { scenarioId: 'no-such-thing', seed: 1, language: 'en' },
      'NOT_FOUND',
    ],
    [
      'unknown trainer scenario',
      'training.start',
      { scenarioId: 'scn_' + 'a'.repeat(32), seed: 1, language: 'en' },
      'NOT_FOUND',
    ],
    [
      'bad scenario id',
      'training.start',
      { scenarioId: '../etc', seed: 1, language: 'en' },
      'INVALID_INPUT',
    ],
    [
      'negative seed',
      'training.start',
      { scenarioId: 'dog-bite', seed: -1, language: 'en' },
      'INVALID_INPUT',
    ],
    [
      'unsupported language',
      'training.start',
      { scenarioId: 'dog-bite', seed: 1, language: 'fr' },
      'INVALID_INPUT',
    ],
    [
      'unknown session',
      'training.ask',
      { sessionId: unknownSession, text: 'Tell me more.' },
      'NOT_FOUND',
    ],
    ['empty question', 'training.ask', { sessionId: unknownSession, text: '   ' }, 'INVALID_INPUT'],
    ['unknown session finish', 'training.finish', { sessionId: unknownSession }, 'NOT_FOUND'],
    [
      'scenario without facts',
      'training.saveScenario',
      { scenario: { ...SCENARIO, facts: [] } },
      'INVALID_INPUT',
    ],
    [
      'scenario with an unknown field',
      'training.saveScenario',
      { scenario: { ...SCENARIO, secret: 'Never-Echoed-Value' } },
      'INVALID_INPUT',
    ],
    [
      'fact without keywords',
      'training.saveScenario',
      { scenario: { ...SCENARIO, facts: SCENARIO.facts.map((f) => ({ ...f, keywords: [] })) } },
      'INVALID_INPUT',
    ],
    [
      'duplicate fact ids',
      'training.saveScenario',
      { scenario: { ...SCENARIO, facts: SCENARIO.facts.map((f) => ({ ...f, id: 'same' })) } },
      'INVALID_INPUT',
    ],
    [
      'a lure that is true',
      'training.saveScenario',
      {
        scenario: {
          ...SCENARIO,
          lures: [{ id: 'x', text: 'There was a girl.', keywords: ['girl'] }],
        },
      },
      'INVALID_INPUT',
    ],
    [
      'oversized fact text',
      'training.saveScenario',
      {
        scenario: {
          ...SCENARIO,
          facts: [
            ...SCENARIO.facts,
            { ...SCENARIO.facts[0]!, id: 'big', text: 'Never-Echoed-Value '.repeat(10_000) },
          ],
        },
      },
      'INVALID_INPUT',
    ],
    [
      'too many facts',
      'training.saveScenario',
      {
        scenario: {
          ...SCENARIO,
          facts: Array.from({ length: 31 }, (_, i) => ({ ...SCENARIO.facts[0]!, id: `f${i}` })),
        },
      },
      'INVALID_INPUT',
    ],
    [
      'update of an unknown scenario',
      'training.saveScenario',
      { scenario: { ...SCENARIO, scenarioId: 'scn_' + 'b'.repeat(32) } },
      'NOT_FOUND',
    ],
  ];
  for (const [name, channel, payload, code] of cases) {
    const error = await callError(core, channel, payload);
    expect({ name, code: error.code }).toEqual({ name, code });
    expect(error.message).not.toContain('Never-Echoed-Value');
  }
  expect((await call(core, 'training.scenarios', { language: 'en' })).scenarios).toHaveLength(
    listed,
  );
  expect(
    (await call(core, 'sessions.list', { mode: 'practice', trainee: 'tara' })).sessions,
  ).toHaveLength(0);
});

test('roles: trainers write scenarios and see progress; trainees practise privately; reviewers cannot practise', async () => {
  // Trainer: writes a scenario (encrypted), cannot see live cases.
  await signIn(core, 'tara');
  const saved = await call(core, 'training.saveScenario', { scenario: SCENARIO });
  expect(saved.version).toBe(1);
  const updated = await call(core, 'training.saveScenario', {
    scenario: { ...SCENARIO, scenarioId: saved.scenarioId, title: 'Lost phone (v2)' },
  });
  expect(updated).toEqual({ scenarioId: saved.scenarioId, version: 2 });
  expect(
    (await call(core, 'training.getScenario', { scenarioId: saved.scenarioId, language: 'en' }))
      .scenario.title,
  ).toBe('Lost phone (v2)');
  expect(await callError(core, 'cases.list', {})).toMatchObject({ code: 'FORBIDDEN' });
  expect(
    (await call(core, 'training.scenarios', { language: 'es' })).scenarios.some(
      (s) => s.id === saved.scenarioId,
    ),
  ).toBe(false);

  // Trainee: practises on it, but cannot read its contents or write scenarios.
  await signIn(core, 'tom');
  const mine = (await call(core, 'training.scenarios', { language: 'en' })).scenarios.find(
    (s) => s.id === saved.scenarioId,
  );
  expect(mine).toMatchObject({ title: 'Lost phone (v2)', ageYears: 12, builtIn: false });
  expect(mine?.summary).toBeUndefined();
  expect(
    await callError(core, 'training.getScenario', { scenarioId: saved.scenarioId, language: 'en' }),
  ).toMatchObject({ code: 'FORBIDDEN' });
  expect(await callError(core, 'training.saveScenario', { scenario: SCENARIO })).toMatchObject({
    code: 'FORBIDDEN',
  });
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: saved.scenarioId,
    seed: 3,
    language: 'en',
  });
  const reply = await call(core, 'training.ask', {
    sessionId,
    text: 'Tell me everything that happened.',
  });
  expect(reply.answer).toContain('swimming pool');
  await call(core, 'training.ask', { sessionId, text: "It was a boy, wasn't it?" });
  await call(core, 'training.finish', { sessionId });
  expect(await callError(core, 'training.progress', { trainee: 'tina' })).toMatchObject({
    code: 'FORBIDDEN',
  });
  const own = await call(core, 'training.progress', {});
  expect(own.trainees.map((t) => t.trainee)).toEqual(['tom']);

  // Another trainee cannot read, ask in or finish Tom's practice.
  await signIn(core, 'tina');
  for (const channel of ['training.ask', 'training.finish', 'training.feedback']) {
    const error = await callError(core, channel, {
      sessionId,
      ...(channel === 'training.ask' ? { text: 'And then?' } : {}),
    });
    expect(error.code).toBe('FORBIDDEN');
  }
  expect(await callError(core, 'sessions.timeline', { sessionId })).toMatchObject({
    code: 'FORBIDDEN',
  });

  // Reviewers do not practise.
  await signIn(core, 'rex');
  expect(
    await callError(core, 'training.start', { scenarioId: 'dog-bite', seed: 1, language: 'en' }),
  ).toMatchObject({ code: 'FORBIDDEN' });
  expect(await callError(core, 'training.scenarios', { language: 'en' })).toMatchObject({
    code: 'FORBIDDEN',
  });

  // The trainer sees every trainee's series, and Tom's feedback.
  await signIn(core, 'tara');
  const all = await call(core, 'training.progress', {});
  expect(all.trainees.map((t) => t.trainee)).toEqual(['tina', 'tom']);
  const tina = all.trainees.find((t) => t.trainee === 'tina')!;
  expect(tina.sessions).toHaveLength(1);
  expect(tina.inProgress).toBe(2);
  expect(
    (await call(core, 'training.feedback', { sessionId })).feedback.falseDetails.length,
  ).toBeGreaterThanOrEqual(0);

  // A printable report.
  const dir = tempDir();
  try {
    const outPath = join(dir, 'tina-progress.pdf');
    const pdf = await call(core, 'training.progressReport', { trainee: 'tina', outPath });
    expect(pdf).toMatchObject({ path: outPath, sessions: 1 });
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(readFileSync(outPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(`${outPath}.tmp`)).toBe(false);
    // Saving again to the same name is refused and leaves the first report as it was.
    const first = readFileSync(outPath);
    expect(
      await callError(core, 'training.progressReport', { trainee: 'tina', outPath }),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists/) });
    expect(readFileSync(outPath).equals(first)).toBe(true);
  } finally {
    removeDir(dir);
  }

  // Nothing of the scenario or the practice transcript is on disk in the clear.
  core.close();
  expect(
    plaintextHits(core.vaultDir, [
      'yellow towel',
      'Lost phone',
      'The dog was black',
      'swimming pool',
    ]),
  ).toEqual([]);
  core = makeCore(core.vaultDir);
});
