// Issue #18, native es-419 review and practitioner review P17: the simulated child answers what
// was asked, in natural es-419 and English, and the feedback counts what NICHD counts. Each
// finding is checked over several seeds and ages (en and es where it applies); a rate is printed
// where the behaviour is a probability.
import { planSession } from '../../../src/protocols';
import {
  buildFeedback,
  builtInScenario,
  simulate,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { hardQuestions } from '../../../src/training/understanding';

const SEEDS = 24;
const AGES = [4, 7, 10, 13, 16];
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDK = /^(?:no s[eé]|no me acuerdo|i don'?t know|i don'?t remember|don'?t know)\.?$/iu;

function scenarioOf(id: string, language: TrainingLanguage): Scenario {
  const s = builtInScenario(id, language);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** The last answer of [open invitation, ...questions] over seeds and ages. */
function answers(
  id: string,
  language: TrainingLanguage,
  questions: string[],
  ages = AGES,
  turn: (text: string) => PracticeTurn = S,
): Array<{ age: number; answer: string; sim: ReturnType<typeof simulate> }> {
  const base = scenarioOf(id, language);
  const out: Array<{ age: number; answer: string; sim: ReturnType<typeof simulate> }> = [];
  for (const age of ages)
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate({ ...base, ageYears: age, reluctance: 0 }, seed, questions.map(turn));
      out.push({ age, answer: sim.replies.at(-1)?.answer ?? '', sim });
    }
  return out;
}

describe('a yes/no echo about the child agrees with the child, not the interviewer', () => {
  test.each([
    ['party-push', '¿Estabas asustada?', /asustada/u, /asustado/u],
    ['stolen-bike', '¿Estabas asustada?', /asustada/u, /asustado/u],
    ['dog-bite', '¿Estabas asustado?', /asustado/u, /asustada/u],
    ['shoplifting-sibling', '¿Te quedaste callado?', /callado/u, /callada/u],
  ])('%s: %s', (id, question, wrong, right) => {
    const said = answers(id, 'es', [OPEN.es, question]).map((a) => a.answer);
    const echoes = said.filter((a) => right.test(a) || wrong.test(a));
    process.stdout.write(`${id} "${question}": ${echoes.length}/${said.length} answers echo it\n`);
    expect(echoes.length).toBeGreaterThan(0);
    expect(said.filter((a) => wrong.test(a))).toEqual([]);
  });
});

describe('a wh- question is answered with the kind of fact it asks for, or "I don\'t know"', () => {
  // [scenario, language, question, what a right answer matches (undefined: only "I don't know"),
  //  what must never be said]
  const CASES: Array<[string, TrainingLanguage, string, RegExp | undefined, RegExp]> = [
    ['party-push', 'en', 'How did you feel?', undefined, /couch|cap|shouting|playing/u],
    ['party-push', 'es', '¿Cómo te sentiste?', undefined, /sillón|gorra|gritando|jugando/u],
    ['dog-bite', 'en', 'How did you feel?', /I cried/u, /park|slide|dog came/u],
    ['dog-bite', 'es', '¿Cómo te sentiste?', /lloré/u, /parque|resbaladilla|perro grande/u],
    ['party-push', 'en', 'What were you thinking?', undefined, /couch|playing|cap/u],
    ['party-push', 'es', '¿Qué estabas pensando?', undefined, /sillón|jugando|gorra/u],
    ['party-push', 'en', 'What did he say?', undefined, /shouting|aunt/u],
    // No one named yet: "¿Qué dijo?" has no referent, so the child asks who or does not know;
    // never the aunt's words (child20, referent.ts; child20-echo-referent.test.ts names her first).
    ['party-push', 'es', '¿Qué dijo?', undefined, /gritando|tía/u],
    ['shoplifting-sibling', 'en', 'What did Marco say?', /said not to tell/u, /register|raining/u],
    ['shoplifting-sibling', 'es', '¿Qué te dijo Marco?', /me dijo que no/u, /caja|lloviendo/u],
    ['party-push', 'en', 'Who else knows?', undefined, /green cap|couch/u],
    ['party-push', 'es', '¿Quién más sabe?', undefined, /gorra verde|sillón/u],
    ['babysitter-repeated', 'en', 'Who else knows?', /I told my mom/u, /Tina is my/u],
    ['babysitter-repeated', 'es', '¿Quién más sabe?', /le conté a mi mamá/u, /Tina es mi/u],
    ['shoplifting-sibling', 'en', 'When did it happen?', /after school/u, /raining/u],
    ['shoplifting-sibling', 'es', '¿Cuándo pasó?', /después de la escuela/u, /lloviendo/u],
    [
      'party-push',
      'en',
      'What did your aunt do?',
      /My aunt told the man/u,
      /couch|He was playing/u,
    ],
    ['party-push', 'es', '¿Qué hizo tu tía?', /Mi tía le dijo/u, /sillón|Estaba jugando/u],
  ];
  test.each(CASES)('%s %s: %s', (id, language, question, right, never) => {
    const said = answers(id, language, [OPEN[language], question]).map((a) => a.answer);
    const rightCount = right ? said.filter((a) => right.test(a)).length : 0;
    process.stdout.write(
      `${id} "${question}": ${rightCount}/${said.length} tell the fact asked for\n`,
    );
    expect(said.filter((a) => never.test(a))).toEqual([]);
    // Every answer is the fact asked for, "I don't know", (time questions) a time guess, or (a
    // pronoun no one has been named for) "Who?".
    for (const a of said)
      expect(
        IDK.test(a) ||
          (right?.test(a) ?? false) ||
          /^¿?(?:ayer|en la mañana|yesterday|in the morning)\??$/iu.test(a) ||
          /^(?:who\?|who do you mean\?|¿quién\?)$/iu.test(a),
      ).toBe(true);
    if (right) expect(rightCount).toBeGreaterThan(said.length / 3);
  });
});

describe('P17-7: "yes" to "did he do something bad?" in the nothing-happened scenario', () => {
  test.each([
    ['en', 'Tell me about when Mr. Dan came to your class.', 'Did Mr. Dan do something bad?'],
    ['es', 'Cuéntame de cuando el señor Dan fue a tu salón.', '¿El señor Dan te hizo algo malo?'],
  ] as const)('%s: the yes is a false allegation the conclusion step sees', (language, open, q) => {
    const runs = answers('visitor-nothing', language, [open, q]);
    const yes = runs.filter((r) => /^(?:yes|yeah|sí)(?!\p{L})/iu.test(r.answer));
    process.stdout.write(`visitor-nothing ${language}: ${yes.length}/${runs.length} said yes\n`);
    expect(yes.length).toBeGreaterThan(0);
    for (const r of yes) {
      expect(r.sim.falseDetails.length).toBeGreaterThan(0);
      expect(r.sim.allegation.by).toBe('interviewer');
    }
    // Never a "yes" backed by a fact that only names him.
    expect(
      runs.filter((r) => /^(?:yes|yeah|sí)(?!\p{L}).*(?:Mr\. Dan|señor Dan)/iu.test(r.answer)),
    ).toEqual([]);
    const r = yes[0]!;
    const s = scenarioOf('visitor-nothing', language);
    const turns = [open, q].map(S);
    const fb = buildFeedback({
      scenario: s,
      seed: 1,
      turns: turns.flatMap((t, i) => [
        { speaker: 'interviewer' as const, text: t.text },
        { speaker: 'child' as const, text: r.sim.replies[i]?.answer ?? '' },
      ]),
      simulation: r.sim,
      plan: planSession('nichd', s.ageYears, language),
      phasesEntered: new Set(['investigation']),
      conclusion: 'event',
    });
    expect(fb.measures.allegationBy).toBe('interviewer');
    expect(fb.falseDetails.length).toBeGreaterThan(0);
    expect(fb.conclusion?.correct).toBe(false);
  });
});

describe('P17-9: narrative practice keeps its topic', () => {
  const practice = (text: string): PracticeTurn => ({
    text,
    phaseId: 'narrativePractice',
    substantive: false,
  });
  test.each([
    [
      'stolen-bike',
      'en',
      'Tell me about your last birthday.',
      /^(?:I don't remember much|Hmm)/u,
      /beach/u,
    ],
    ['dog-bite', 'es', 'Cuéntame de la escuela.', /^(?:No me acuerdo mucho|Mmm)/u, /cumpleaños/u],
  ] as const)('%s %s: "%s"', (id, language, q, off, own) => {
    const runs = answers(id, language, [q], AGES, practice);
    for (const r of runs) {
      expect(r.answer).toMatch(off);
      expect(r.answer).toMatch(own);
      expect(r.sim.replies[0]?.stage).toBe('practice');
      expect(r.sim.elicited.size).toBe(0);
    }
  });
  test('a prompt about the practice event itself is answered about it', () => {
    for (const r of answers('stolen-bike', 'en', ['Tell me about spring break.'], AGES, practice))
      expect(r.answer).toMatch(/^Over spring break/u);
  });
});

describe('P17-4: why questions get the reason fact when there is one, more often when older', () => {
  test.each([
    ['en', 'Why did you forget to lock it?', /because I was in a hurry/u],
    ['es', '¿Por qué no le pusiste candado?', /porque tenía prisa/u],
  ] as const)('%s', (language, q, reason) => {
    const rate = (age: number) => {
      const said = answers('stolen-bike', language, [OPEN[language], q], [age]).map(
        (a) => a.answer,
      );
      for (const a of said) expect(reason.test(a) || IDK.test(a)).toBe(true);
      return said.filter((a) => reason.test(a)).length / said.length;
    };
    const young = rate(5);
    const old = rate(14);
    process.stdout.write(
      `why (${language}): reason given at 5 ${young.toFixed(2)}, at 14 ${old.toFixed(2)}\n`,
    );
    expect(young).toBeGreaterThan(0);
    expect(old).toBeGreaterThan(young);
  });
});

describe('es-419 naturalness', () => {
  test('"¿Cómo estás hoy?" / "How are you today?" is answered how the child is', () => {
    const rapport = (text: string): PracticeTurn => ({
      text,
      phaseId: 'rapport',
      substantive: false,
    });
    for (const r of answers('dog-bite', 'es', ['¿Cómo estás hoy?'], AGES, rapport))
      expect(r.answer).toMatch(/^Bien/u);
    for (const r of answers('road-accident', 'en', ['How are you today?'], AGES, rapport))
      expect(r.answer).toMatch(/^(?:Good|Fine)\.$/u);
  });
  test('praise gets a thank-you, never "Sí, está bien."; support never a bare "Bien."', () => {
    for (const r of answers('dog-bite', 'es', [OPEN.es, 'Lo estás haciendo muy bien.']))
      expect(r.answer).toMatch(/^(?:Gracias|Sí)\.$/u);
    for (const r of answers('party-push', 'es', [OPEN.es, 'Debe ser difícil hablar de esto.']))
      expect(r.answer).not.toBe('Bien.');
  });
  test('a 3-5-year-old never says "Ni uno ni otro."; an older child who knows says what it was', () => {
    const q = '¿El perro era negro o blanco?';
    for (const r of answers('dog-bite', 'es', [OPEN.es, q], [4, 5]))
      expect(r.answer).not.toMatch(/Ni uno/u);
    const older = answers('dog-bite', 'es', [OPEN.es, q], [9, 12]).map((a) => a.answer);
    const neither = older.filter((a) => /^Ni uno ni otro/u.test(a));
    expect(neither.length).toBeGreaterThan(0);
    // What it was when the child remembers the colour; a bare refusal when it forgot it.
    for (const a of neither)
      expect(a).toMatch(/^Ni uno ni otro\.(?: El perro era café y peludo\.)?$/u);
    expect(neither.some((a) => /café/u.test(a))).toBe(true);
  });
  test('"¿No te dejó salir?" is not answered by the bike the child left', () => {
    for (const r of answers('stolen-bike', 'es', [OPEN.es, '¿No te dejó salir?']))
      expect(r.answer).not.toMatch(/Dejé mi bici/u);
  });
  test('a misquote of the child is a leading statement, never answered "Ok."', () => {
    const runs = answers('dog-bite', 'es', [OPEN.es, 'Me dijiste que el perro era negro.']);
    for (const r of runs) {
      expect(r.sim.replies[1]?.coding.type).toBe('suggestive');
      expect(r.answer).not.toMatch(/^(?:Ok|Está bien|Sí, está bien)\.$/u);
    }
    expect(runs.some((r) => r.sim.falseDetails.length > 0)).toBe(true);
    expect(runs.some((r) => /^No, eso no es cierto/u.test(r.answer))).toBe(true);
  });
});

describe('coding: compound turns, the NICHD transition', () => {
  const said = ['I was at the park. A big dog came.'];
  test.each([
    ['en', 'Tell me what happened and who was there?'],
    ['en', 'Tell me what happened at the park and what did the dog do?'],
    ['es', 'Cuéntame qué pasó y dónde estabas.'],
  ] as const)('P17-3 %s: "%s" is coded by its most closed part', (language, q) => {
    const c = codeUtterance(q, language, said, 8, said);
    expect(c.type).toBe('directive');
    expect(c.reason).toMatch(language === 'en' ? /most closed part/u : /parte más cerrada/u);
  });
  test('P17-11: "Tell me what you came here to talk about." is an invitation', () => {
    const child = ['A man came to our class.'];
    expect(
      codeUtterance('Tell me what you came here to talk about.', 'en', child, 5, child).type,
    ).toBe('invitation');
    // A cue from the child's own account stays a cued invitation.
    expect(codeUtterance('Tell me more about the man.', 'en', child, 5, child).type).toBe(
      'cued-invitation',
    );
  });
});

describe('feedback: support is its own type (P17-1), notes name the child (P17-12)', () => {
  function feedback(id: string, language: TrainingLanguage, texts: string[], seed = 3) {
    const s = scenarioOf(id, language);
    const turns = texts.map(S);
    const simulation = simulate(s, seed, turns);
    return buildFeedback({
      scenario: s,
      seed,
      turns: turns.flatMap((t, i) => [
        { speaker: 'interviewer' as const, text: t.text },
        { speaker: 'child' as const, text: simulation.replies[i]?.answer ?? '' },
      ]),
      simulation,
      plan: planSession('nichd', s.ageYears, language),
      phasesEntered: new Set(['investigation']),
    });
  }
  test.each([
    [
      'en',
      [
        'Tell me everything that happened.',
        'That must have been hard.',
        "I'm here to listen.",
        'Tell me more about that.',
      ],
    ],
    [
      'es',
      [
        'Cuéntame todo lo que pasó.',
        'Debe ser difícil hablar de esto.',
        'Estoy aquí para escucharte.',
        'Cuéntame más sobre eso.',
      ],
    ],
  ] as const)(
    '%s: support statements are not prompts and leave the invitation share',
    (language, texts) => {
      const fb = feedback('party-push', language, [...texts]);
      expect(fb.measures.supportStatements).toBe(2);
      expect(fb.measures.substantivePrompts).toBe(2);
      expect(fb.measures.substantiveInvitationShare).toBe(1);
      expect(fb.prompts).toBe(2);
    },
  );
  test('the Spanish hard-question note names the scenario child', () => {
    const s = scenarioOf('party-push', 'es');
    const turns = [S(OPEN.es), S('¿No es cierto que el hombre no empujó al papá de Sam?')];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const simulation = simulate(s, seed, turns);
      const hard = hardQuestions({
        language: 'es',
        ageYears: s.ageYears,
        questions: turns.map((t) => t.text),
        simulation,
        scripted: [false, false],
        coachSuggestion: new Map(),
        gender: 'boy',
      });
      for (const h of hard) {
        expect(`${h.why} ${h.effect}`).not.toMatch(/el niño o la niña/iu);
        expect(h.effect).toMatch(/^El niño/u);
      }
    }
  });
});

test('P17-5: a long co-witness prompt the child did not understand is flagged as co-witness, not "too long"', () => {
  const s = scenarioOf('shoplifting-sibling', 'en');
  const q =
    'Your brother Marco already told us everything that happened at the corner store after school, so now you can tell me all of it too, from the very start to the very end of it.';
  const turns = [S(OPEN.en), S(q)];
  let notUnderstood = 0;
  for (const age of [4, 5, 6])
    for (let seed = 1; seed <= SEEDS; seed++) {
      const simulation = simulate({ ...s, ageYears: age }, seed, turns);
      expect(simulation.replies[1]?.coding.subtype).toBe('co-witness');
      if (simulation.replies[1]?.notUnderstood !== undefined) notUnderstood++;
      const hard = hardQuestions({
        language: 'en',
        ageYears: age,
        questions: turns.map((t) => t.text),
        simulation,
        scripted: [false, false],
        coachSuggestion: new Map(),
      });
      expect(hard.filter((h) => h.kind === 'long')).toEqual([]);
    }
  process.stdout.write(
    `co-witness prompt: ${notUnderstood} runs where the child said it did not understand\n`,
  );
  expect(notUnderstood).toBeGreaterThan(0);
});
