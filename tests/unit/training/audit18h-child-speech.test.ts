// Issue #18, outside pass 8 (aud18h): what the simulated child says and what is recorded as its
// detail. N18g-6: a negative question keeps its "no" in the yes-sentence, the recorded detail and
// the feedback's quote, and agreeing that an act did not happen alleges nothing. N18h-4, N18g-5,
// N18g-8: every sentence the child says after taking a detail up is a natural one (echoes cut at
// a phrase boundary, irregular pasts, never the detail's bare words). Forced choice answered with
// the option's words at research-directed rates; yes + a fact or a lure only when it holds what
// was asked (N18g-9); "home" as the event's place plants. Over seeds, scenarios and ages.
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { clauseForAge, compliantClause } from '../../../src/training/compliance';
import { askedPhrase } from '../../../src/training/feedback';
import { negatedProposition } from '../../../src/training/negation';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 24;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };

interface Played {
  answer: string;
  details: string[];
  allegationAtQuestion: boolean;
  scenario: string;
}

/** The reply to `q` after one invitation, over seeds x every scenario, at `ages` (or each own). */
function play(
  lang: TrainingLanguage,
  q: string,
  ages: readonly (number | undefined)[] = [undefined],
) {
  const out: Played[] = [];
  for (const age of ages)
    for (let seed = 1; seed <= SEEDS; seed++) {
      const id = BUILTIN_IDS[seed % BUILTIN_IDS.length]!;
      const base = builtInScenario(id, lang)!;
      const sc = { ...base, reluctance: 0, ...(age === undefined ? {} : { ageYears: age }) };
      const sim = simulate(sc, seed, [S(OPEN[lang]), S(q)]);
      const r = sim.replies[1]!;
      out.push({
        answer: r.answer,
        details: r.newFalseDetails.map((d) => d.detail),
        allegationAtQuestion:
          base.outcome === 'nothing-happened' && sim.allegation.by === 'interviewer',
        scenario: id,
      });
    }
  return out;
}

const NEGATIVE = [
  ['es', '¿Nadie te ayudó?', /nadie/iu],
  ['es', 'No te lastimó con un cuchillo, ¿verdad?', /(?:^|\s)no(?:\s|$)/iu],
  ['es', '¿No te dejó salir del baño?', /(?:^|\s)no(?:\s|$)/iu],
  ['en', "He didn't hurt you with a knife, did he?", /didn't/iu],
] as const;

describe('N18g-6: a negative proposition keeps its "no"', () => {
  // Since audit 18i (N18i-4, fix18m), agreeing that an act did NOT happen records no false
  // detail at all (it was fed back as "how a false allegation is made"); before, it recorded the
  // act with its negation. Either way no recorded detail may drop the "no".
  test.each(NEGATIVE)(
    '%s "%s": nothing recorded drops the negation; no allegation',
    (lang, q, neg) => {
      const played = play(lang, q);
      const recorded = played.filter((p) => p.details.length > 0);
      process.stdout.write(
        `N18g-6 ${lang} "${q}": recorded ${recorded.length}/${played.length} ${JSON.stringify(recorded.slice(0, 2).map((p) => [p.answer, p.details]))}\n`,
      );
      expect(played.length).toBeGreaterThan(0);
      expect(recorded.flatMap((p) => p.details).filter((d) => !neg.test(d))).toEqual([]);
      // A yes-sentence after "Sí."/"Yes." never says the act without its negation.
      // (A "Sí." contradicting the question with a true fact, "Sí. La bibliotecaria me ayudó.",
      // records nothing and is natural Spanish.)
      const sentences = played
        .map((p) => /^(?:Sí|Yes|Yeah)\.\s+(.+)$/u.exec(p.answer)?.[1])
        .filter((s): s is string => s !== undefined);
      // The question's own proposition said back as a yes-sentence ("Me ayudó.", "He hurt me…")
      // must keep its negation; a true fact naming someone ("La bibliotecaria me ayudó…") is a
      // natural contradiction, not the proposition.
      const restated = sentences.filter((x) =>
        /^(?:Me (?:ayudó|lastimó|dejó)|He (?:hurt|helped) me)\b/u.test(x),
      );
      expect(restated).toEqual([]);
      // Agreeing that nothing was done alleges no act (visitor-nothing).
      expect(played.filter((p) => p.allegationAtQuestion && p.details.length > 0)).toEqual([]);
    },
  );

  test('the feedback quote of the recorded detail keeps the question\'s "no"', () => {
    // The quote of a detail as the negation module records it (negation.ts keeps the "no").
    expect(askedPhrase('¿No te dejó salir del baño?', 'no me dejó baño')).toMatch(/^No te dejó/u);
    expect(askedPhrase('¿Nadie te ayudó?', 'nadie ayudó')).toBe('Nadie te ayudó');
  });

  test('a frame that presumes the act is no negation: "¿A poco no te pegó con el cinturón?"', () => {
    expect(negatedProposition('¿A poco no te pegó con el cinturón?', 'es')).toBeUndefined();
    expect(negatedProposition("He slapped you, didn't he?", 'en')).toBeUndefined();
    expect(negatedProposition("Didn't he take the bike?", 'en')).toBeUndefined();
    // A witness frame presumes the child saw it in both languages (N18d-11, fix18l).
    expect(negatedProposition("Didn't you see the teenager take your bike?", 'en')).toBeUndefined();
    expect(negatedProposition('¿No viste al muchacho llevarse tu bici?', 'es')).toBeUndefined();
    expect(negatedProposition('¿No te dejó salir del baño?', 'es')).toBe('No');
    expect(compliantClause('¿A poco no te pegó con el cinturón?', 'es', ['cinturón'])).toBe(
      'Me pegó con el cinturón.',
    );
    const played = play('es', '¿A poco no te pegó con el cinturón?', [4, 12]);
    expect(played.filter((p) => /a poco/iu.test(p.answer))).toEqual([]);
    expect(played.some((p) => p.details.length > 0)).toBe(true);
    expect(played.flatMap((p) => p.details).filter((d) => /(?:^|\s)no(?:\s|$)/u.test(d))).toEqual(
      [],
    );
  });

  test('es: a negative clause is said whole, with its negation', () => {
    expect(compliantClause('¿Nadie te ayudó?', 'es', ['nadie', 'ayudó'])).toBe('Nadie me ayudó.');
    expect(compliantClause('¿No te dejó salir del baño?', 'es', ['baño'])).toBe(
      'No me dejó salir del baño.',
    );
    // No preschool echo drops the "no" ("Del baño.").
    expect(clauseForAge('No me dejó salir del baño.', 'es', 0)).toBe('No me dejó salir del baño.');
    expect(
      compliantClause('¿Te dio dinero para que no le dijeras a nadie?', 'es', ['dinero']),
    ).toBe('Me dio dinero para que no le dijera a nadie.');
  });
});

/** Sentences the audits found (18g, 18h); none may be said. */
const BROKEN = [
  'La panza después.',
  'Mi tío el que me lastimó.',
  'A pegar si contaba.',
  'De la bici porque me empujó.',
  'El perro en la pierna.',
  'Me llevó motel.',
  'Acabas.',
  'Tatuaje.',
  'Y tatuaje.',
  'Acerca platicaste.',
  'I hided under the bed.',
  'I falled off my bike because he pushed me.',
  'My arm hard.',
  'Off my bike because he pushed me.',
  'He did make me drink beer.',
];

const SHAPES = {
  es: [
    '¿Te dolió mucho la panza después?',
    '¿Fue tu tío el que te lastimó?',
    '¿Te dijo que te iba a pegar si contabas?',
    '¿Te caíste de la bici porque te empujó?',
    '¿Te mordió el perro en la pierna?',
    '¿Cuántas veces te llevó al motel?',
    '¿Te acuerdas si tenía un tatuaje?',
    '¿Te pegó con una pala?',
  ],
  en: [
    'Did you hide under the bed?',
    'Did you fall off your bike because he pushed you?',
    'Did he grab your arm really hard?',
    'Did he make you drink beer?',
    'Did he hit you with a shovel?',
  ],
} as const;

describe('N18h-4, N18g-5, N18g-8: every sentence the child says is a natural one', () => {
  test.each(['es', 'en'] as const)(
    "%s: none of the audits' broken sentences, at ages 4 to 16",
    (lang) => {
      const said: string[] = [];
      for (const q of SHAPES[lang])
        for (const p of play(lang, q, [4, 7, 12, 16])) said.push(p.answer);
      const broken = said.filter((a) => BROKEN.some((b) => a.includes(b)));
      const made = said.filter((a) => /\b(?:hided|falled|taked|runned|bited|telled)\b/iu.test(a));
      process.stdout.write(`N18h-4 ${lang}: ${said.length} replies, broken ${broken.length}\n`);
      expect(broken).toEqual([]);
      expect(made).toEqual([]);
      // Not vacuous: preschool echoes and whole clauses are still said.
      const echo = lang === 'es' ? 'Sí. Con una pala.' : 'Yeah. With a shovel.';
      expect(said).toContain(echo);
    },
  );

  test('echoes cut at a phrase boundary, else the clause is said whole', () => {
    expect(clauseForAge('Me mordió el perro en la pierna.', 'es', 0)).toBe('En la pierna.');
    expect(clauseForAge('Me dolió mucho la panza después.', 'es', 0)).toBe(
      'Me dolió mucho la panza después.',
    );
    expect(clauseForAge('He did grab my arm hard.', 'en', 0)).toBe('He grabbed my arm hard.');
    expect(clauseForAge('I did hide under the bed.', 'en', 0)).toBe('Under the bed.');
    expect(clauseForAge('I did fall off my bike.', 'en', 2)).toBe('I fell off my bike.');
    expect(clauseForAge('He did make me drink beer.', 'en', 1)).toBe('He made me drink beer.');
  });
});

describe('forced choice, N18g-9 and "home"', () => {
  test('choice questions: the option\'s words, "neither" a minority, younger pick more', () => {
    const qs = {
      en: [
        'Was he mad or happy?',
        'Did he hit you with the belt or with his hand?',
        'Was it red or blue?',
      ],
      es: ['¿Estaba enojado o contento?', '¿Usó el cinturón o la mano?', '¿Era rojo o azul?'],
    } as const;
    for (const lang of ['en', 'es'] as const) {
      const young = qs[lang].flatMap((q) => play(lang, q, [4]));
      const old = qs[lang].flatMap((q) => play(lang, q, [16]));
      const all = [...young, ...old];
      const neither = all.filter((p) => /^(?:Neither|Ninguno)\.$/u.test(p.answer)).length;
      const picked = (ps: Played[]) => ps.filter((p) => p.details.length > 0).length;
      process.stdout.write(
        `choice ${lang}: neither ${neither}/${all.length}, picked age 4 ${picked(young)}/${young.length}, age 16 ${picked(old)}/${old.length}\n`,
      );
      expect(all.filter((p) => /^(?:Yes|Yeah|Sí)\.$/u.test(p.answer))).toEqual([]);
      expect(neither / all.length).toBeLessThan(0.4);
      expect(picked(young)).toBeGreaterThanOrEqual(picked(old));
    }
    const orNot = [
      ...play('en', 'Was he wearing glasses or not?'),
      ...play('es', '¿Traía lentes o no?'),
    ];
    expect(orNot.filter((p) => /^(?:Neither|Ninguno)\./u.test(p.answer))).toEqual([]);
  });

  test('N18g-9: no lure or fact after a yes when it shares only one word with the question', () => {
    const bad = [
      ...play('es', '¿Te quitó el celular?').filter((p) => /conductora/u.test(p.answer)),
      ...play('en', 'Did he take your red bike?').filter(
        (p) => p.details.includes('The car was red.') || /car was red/u.test(p.answer),
      ),
      ...play('es', 'Si me dices lo que te hizo, te puedes ir a tu casa.').filter((p) =>
        /^Sí\. (?:Me salí de mi casa|Mi tía)/u.test(p.answer),
      ),
    ];
    expect(bad.map((p) => `${p.scenario}: ${p.answer}`)).toEqual([]);
  });

  test('"It happened at home." plants the place; "you can go home" plants nothing', () => {
    const place = play('en', 'It happened at home.').filter((p) =>
      p.details.some((d) => /home/u.test(d)),
    );
    const casa = play('es', 'Pasó en la casa.').filter((p) =>
      p.details.some((d) => /casa/u.test(d)),
    );
    const pressure = [
      ...play('en', 'If you tell me what he did, you can go home.'),
      ...play('es', 'Si me dices lo que te hizo, te puedes ir a tu casa.'),
    ].filter((p) => p.details.some((d) => /home|casa/u.test(d)));
    process.stdout.write(
      `home: en ${place.length}, es ${casa.length}, pressure ${pressure.length}\n`,
    );
    expect(place.length).toBeGreaterThan(0);
    expect(casa.length).toBeGreaterThan(0);
    expect(pressure).toEqual([]);
  });
});
