// Issue #18 outside audit 3 (N-1, N-2, N-3, N-5): what the simulated child takes up from the
// interviewer, over >= 80 seeds per probe, in en and es-419, with utterances generated here
// rather than the audit's examples.
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { detailWordsOf } from '../../../src/training/detail-words';
import { bandOf, RELUCTANCE, SUGGESTIVE_UPTAKE } from '../../../src/training/research';
import { textsFor } from '../../../src/training/texts';
import { factTellsKind } from '../../../src/training/wh-kind';
import type { TrainingLanguage } from '../../../src/training/types';
import { normalise, words } from '../../../src/questions/text';

const SEEDS = 80;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const LANGS: TrainingLanguage[] = ['en', 'es'];
const fold = (text: string) => words(normalise(text));

// Fillers and function words of every class the rule names, some in no list (unseen
// interjections), mixed with real new details (acts and objects no scenario holds).
const FILLERS: Record<TrainingLanguage, { edge: string[]; inner: string[] }> = {
  en: {
    edge: ['Go ahead', 'Come on', 'Okay so', 'Well', 'Listen', 'Gee', 'Yikes', 'Alright'],
    inner: ['basically', 'honestly', 'kind of', 'you know', 'just', 'really', 'totally'],
  },
  es: {
    edge: ['Órale', 'Ándale', 'Híjole', 'Pues bueno', 'Oye', 'Mira', 'Fíjate', 'A ver'],
    inner: ['seguramente', 'o sea', 'nomás', 'pues', 'ya', 'de veras', 'tipo'],
  },
};
const DETAILS: Record<TrainingLanguage, Array<[string, string]>> = {
  // [act phrase, the word that names the detail]
  en: [
    ['whipped you with a belt', 'belt'],
    ['poked you with a screwdriver', 'screwdriver'],
    ['locked you in the garage', 'garage'],
  ],
  es: [
    ['te pegó con un cinturón', 'cinturon'],
    ['te picó con un desarmador', 'desarmador'],
    ['te encerró en la cochera', 'cochera'],
  ],
};
const TEMPLATES: Record<TrainingLanguage, Array<(e: string, i: string, d: string) => string>> = {
  en: [
    (e, i, d) => `${e}, he ${i} ${d}, didn't he?`,
    (e, i, d) => `He ${i} ${d}. ${e}, whoever it was, right?`,
    (e, i, d) => `${e}, wherever it was, did he ${i} say he ${d}?`,
  ],
  es: [
    (e, i, d) => `${e}, él ${i} ${d}, ¿verdad?`,
    (e, i, d) => `Él ${i} ${d}. ${e}, quienquiera que fue, ¿no?`,
    (e, i, d) => `${e}, dondequiera que fue, ¿${i} ${d}?`,
  ],
};
const CLOSED_EXTRA: Record<TrainingLanguage, string[]> = {
  en: ['whoever', 'wherever', 'didn', 'right'],
  es: ['quienquiera', 'dondequiera', 'verdad', 'fue'],
};

function generated(
  language: TrainingLanguage,
): Array<{ text: string; bare: string; detail: string; fillers: string[] }> {
  const { edge, inner } = FILLERS[language];
  const out = [];
  let k = 0;
  for (const template of TEMPLATES[language])
    for (const [act, detail] of DETAILS[language]) {
      const e = edge[k % edge.length]!;
      const i = inner[k % inner.length]!;
      k++;
      const text = template(e, i, act);
      const bare = template('', '', act)
        .replace(/^[,\s]+|\s+(?=[,?.])/gu, '')
        .replace(/\s{2,}/g, ' ');
      out.push({
        text,
        bare,
        detail,
        fillers: [...fold(e), ...fold(i), ...CLOSED_EXTRA[language]],
      });
    }
  return out;
}

function flatStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(flatStrings);
  return [];
}

/** Words the child may say of its own: the scenario's facts, lures and rapport. */
function ownWords(id: string, language: TrainingLanguage): Set<string> {
  const sc = builtInScenario(id, language)!;
  return new Set(
    fold(
      [
        ...sc.facts.flatMap((f) => [f.text, f.retold ?? '']),
        ...(sc.practiceEvent ?? []).map((f) => f.text),
        ...sc.lures.map((l) => l.text),
        ...sc.rapport,
        // The child's stock phrases ("No, that's not right.", "I don't want to say.").
        ...flatStrings(textsFor(language).child),
        ...flatStrings(textsFor(language).guesses),
      ].join(' '),
    ),
  );
}

describe('N-2 only a word that names a detail can be planted (en, es)', () => {
  test.each(LANGS)('%s: no filler surfaces; real details keep their rate', (language) => {
    const ids = ['dog-bite', 'uncle-secret'];
    let withFillers = 0;
    let bare = 0;
    const perUtterance = new Map<string, number>();
    for (const u of generated(language))
      for (const id of ids) {
        const own = ownWords(id, language);
        const sc = builtInScenario(id, language)!;
        for (let seed = 1; seed <= SEEDS; seed++) {
          const sim = simulate(sc, seed, [S(OPEN[language]), S(u.text), S(OPEN[language])]);
          const planted = fold(sim.falseDetails.map((d) => d.detail).join(' '));
          const said = fold(
            sim.replies
              .slice(1)
              .map((r) => r.answer)
              .join(' '),
          ).filter((w) => !own.has(w));
          for (const filler of u.fillers) {
            expect(planted).not.toContain(filler);
            expect(said).not.toContain(filler);
          }
          if (planted.includes(u.detail)) {
            withFillers++;
            perUtterance.set(u.text, (perUtterance.get(u.text) ?? 0) + 1);
          }
          const plain = simulate(sc, seed, [S(OPEN[language]), S(u.bare), S(OPEN[language])]);
          if (fold(plain.falseDetails.map((d) => d.detail).join(' ')).includes(u.detail)) {
            bare++;
            perUtterance.set(u.bare, (perUtterance.get(u.bare) ?? 0) + 1);
          }
        }
      }
    process.stdout.write(
      `N-2 ${language}: detail planted ${withFillers} runs with fillers, ${bare} without\n` +
        [...perUtterance].map(([u, n]) => `${n}\t${u}`).join('\n') +
        '\n',
    );
    // Real details still come through, at about the rate of the same utterance without its
    // fillers (a filler may change the prompt's code, e.g. "ya" makes a statement leading).
    expect(withFillers).toBeGreaterThan(0);
    expect(withFillers).toBeGreaterThanOrEqual(0.7 * bare);
  });

  test('the rule, word by word', () => {
    expect([...detailWordsOf('Go ahead, he hit you with a belt, didn’t he?', 'en')]).toEqual(
      expect.arrayContaining(['hit', 'belt']),
    );
    for (const w of ['go', 'ahead', 'didn', 'he', 'you'])
      expect(detailWordsOf('Go ahead, he hit you with a belt, didn’t he?', 'en').has(w)).toBe(
        false,
      );
    // An unseen interjection at a sentence's edge is a discourse marker by its place.
    expect(detailWordsOf('Zas, te pegó con un palo.', 'es').has('zas')).toBe(false);
    expect(detailWordsOf('Zas, te pegó con un palo.', 'es').has('palo')).toBe(true);
    // A short edge segment that points at a thing stays a detail ("The belt, right?").
    expect(detailWordsOf('The belt, right?', 'en').has('belt')).toBe(true);
    for (const w of ['whoever', 'whenever', 'cuandoquiera', 'basically', 'seguramente'])
      expect(
        detailWordsOf(`${w} he did`, w.endsWith('mente') || w.endsWith('quiera') ? 'es' : 'en').has(
          w,
        ),
      ).toBe(false);
    // A body part that looks like an adverb is still a detail.
    expect(detailWordsOf('He touched your belly.', 'en').has('belly')).toBe(true);
  });
});

describe('N-1 a wh- question gets the fact of the kind it asks for (all scenarios, en, es)', () => {
  const Q: Record<TrainingLanguage, Array<[string, (kw: string) => string]>> = {
    en: [
      ['who', (k) => `Who was there when ${k} happened?`],
      ['where', (k) => `Where were you when ${k} happened?`],
      ['when', (k) => `When did ${k} happen?`],
    ],
    es: [
      ['who', (k) => `¿Quién estaba ahí cuando pasó lo de ${k}?`],
      ['where', (k) => `¿Dónde estabas cuando pasó lo de ${k}?`],
      ['when', (k) => `¿Cuándo pasó lo de ${k}?`],
    ],
  };
  const WH = /^(?:who|where|when|what|quien|donde|cuando|que)$/u;
  test.each(LANGS)('%s', (language) => {
    let asked = 0;
    let wrong = 0;
    for (const id of BUILTIN_IDS) {
      const sc = builtInScenario(id, language)!;
      for (const [kind, make] of Q[language])
        for (let seed = 1; seed <= SEEDS; seed += 2) {
          const first = simulate(sc, seed, [S(OPEN[language])]);
          const kw = first.replies[0]!.keywords[0];
          if (kw === undefined) continue;
          const sim = simulate(sc, seed, [S(OPEN[language]), S(make(kw))]);
          const reply = sim.replies[1]!;
          // The question word is never a detail the child takes up.
          for (const d of sim.falseDetails)
            expect(fold(d.detail).some((w) => WH.test(w))).toBe(false);
          if (reply.reluctant || reply.notUnderstood || reply.coding.type !== 'directive') continue;
          asked++;
          const facts = reply.factIds.map((f) => sc.facts.find((x) => x.id === f)!);
          // A "when" question is also answered by a fact that tells the time in its own words
          // ("We went to the corner store after school."), whatever its category (child19: the
          // wh- answer kind is read from the fact's wording; the category 'when' also holds
          // weather, "It was raining.", which does not say when).
          const ofKind = (f: (typeof facts)[number]): boolean =>
            f.category === kind || (kind === 'when' && factTellsKind(f.text, 'time', language));
          if (!facts.every(ofKind)) wrong++;
          // No fact of that kind in the scenario: "I don't know" (or a guess), never another fact.
          if (!sc.facts.some((f) => f.category === kind)) expect(facts).toEqual([]);
        }
    }
    process.stdout.write(`N-1 ${language}: ${wrong}/${asked} wh- answers of another kind\n`);
    expect(asked).toBeGreaterThan(500);
    expect(wrong / asked).toBeLessThan(0.01);
  });
});

describe('N-5 support plants nothing; other people’s information is suggestive', () => {
  const SUPPORT: Record<TrainingLanguage, string[]> = {
    en: ['You are doing a good job.', 'Thank you for talking with me.', 'You’re helping me a lot.'],
    es: [
      'Estás haciendo un buen trabajo.',
      'Lo haces muy bien.',
      'Vas muy bien.',
      'Me estás ayudando mucho.',
      'Muchas gracias.',
    ],
  };
  test.each(LANGS)('%s support statements plant no word', (language) => {
    for (const id of BUILTIN_IDS) {
      const sc = builtInScenario(id, language)!;
      for (const line of SUPPORT[language])
        for (let seed = 1; seed <= SEEDS; seed += 4) {
          const sim = simulate(sc, seed, [S(OPEN[language]), S(line)]);
          expect(sim.falseDetails).toEqual([]);
          expect(sim.replies[1]!.supportive).toBe(true);
        }
    }
  });

  test('a support sentence beside a leading one still lets the leading one count', () => {
    const sc = builtInScenario('dog-bite', 'es')!;
    let planted = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(sc, seed, [
        S(OPEN.es),
        S('Estás haciendo un buen trabajo. Él te pegó con un palo, ¿verdad?'),
      ]);
      for (const d of sim.falseDetails) expect(fold(d.detail)).not.toContain('trabajo');
      if (sim.falseDetails.length > 0) planted++;
    }
    expect(planted).toBeGreaterThan(0);
  });

  const OTHERS: Array<[TrainingLanguage, string]> = [
    ['en', 'Everybody else already told me. Tell me what happened.'],
    ['en', 'Everyone else has told me about it.'],
    ['en', 'The others all told me what he did. Tell me everything.'],
    ['es', 'Todos los demás ya me contaron. Cuéntame lo que pasó.'],
    ['es', 'Los demás ya me lo dijeron.'],
    ['es', 'Todos ya me platicaron. Cuéntame todo.'],
  ];
  test.each(OTHERS)('%s "%s" is suggestive (co-witness)', (language, text) => {
    const c = codeUtterance(text, language, [], 8);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('co-witness');
    // The reason names its source (a study and year).
    expect(c.reason).toMatch(/\(\D+ \d{4}\)|et al\. \d{4}/);
  });
  const OWN: Array<[TrainingLanguage, string]> = [
    ['en', 'Please tell me what happened.'],
    ['en', 'You told me about the park. Tell me more about that.'],
    ['es', 'Me dijiste que estabas en el parque. Cuéntame más.'],
    ['es', '¿Quién te dijo eso?'],
  ];
  test.each(OWN)('%s "%s" is not co-witness', (language, text) => {
    expect(codeUtterance(text, language, [], 8).subtype).not.toBe('co-witness');
  });
});

describe('N-3 yes to a suggestive yes/no question with an unsaid detail: by age, same in en and es', () => {
  const PAIRS: Array<[string, string]> = [
    ['Does he sell you to other men?', '¿Te vende a otros hombres?'],
    ['Does he make you be with other men?', '¿Te obliga a estar con otros hombres?'],
    ['Does he hit you?', '¿Él te pega?'],
  ];
  const yesRate = (language: TrainingLanguage, q: string): number => {
    const sc = builtInScenario('teen-exploitation', language)!;
    let yes = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const sim = simulate(sc, seed, [S(OPEN[language]), S(q)]);
      if (/^(?:yes|yeah|s[ií])(?![\p{L}])/iu.test(sim.replies[1]!.answer)) yes++;
    }
    return yes / 200;
  };
  test.each(PAIRS)('"%s" / "%s"', (en, es) => {
    const [a, b] = [yesRate('en', en), yesRate('es', es)];
    process.stdout.write(`N-3 yes ${en} ${a} / ${es} ${b}\n`);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(0.1);
    // At most the rate child.ts uptake() gives this reluctant 16-year-old without rapport or
    // ground rules: the band's base rate (Garven et al. 1998 direction, Hearth calibration)
    // plus Hearth's unprepared term, lowered by her reluctance (research.ts
    // RELUCTANCE.uptakeDamping: reluctance shows as denial, not compliance).
    const sc = builtInScenario('teen-exploitation', 'en')!;
    const expected =
      (SUGGESTIVE_UPTAKE[bandOf(sc.ageYears)] + 0.1) *
      1.15 *
      (1 - RELUCTANCE.uptakeDamping * (sc.reluctance ?? RELUCTANCE.reluctantStart));
    expect(Math.max(a, b)).toBeLessThanOrEqual(expected + 0.1);
  });
  test('selling is a label for the youth in both languages: never a yes', () => {
    expect(yesRate('en', PAIRS[0]![0])).toBe(0);
    expect(yesRate('es', PAIRS[0]![1])).toBe(0);
  });
});
