// Issue #18, child20: two kinds of question the simulated child answered wrongly.
// 1. An echo of content the child never said ("You said it was your mom.", "Dijiste que fue tu
//    mamá."): kinship words were on the interview's frame-word list, so the summary put nothing
//    into the event and the child answered "Okay." Now it is a distortion the child corrects or
//    lets stand at the research.ts rate for its age (Roberts & Lamb 1999), and a let-stand
//    records the interviewer's detail as taken up.
// 2. A pronoun with no one named yet ("What did she say?", "¿Qué dijo?"): it was answered with
//    whichever person of the event had spoken. Now the pronoun stands for the person the talk
//    last named (referent.ts: Song & Fisher 2005; Arnold et al. 2007), and with nobody named the
//    child asks who or says it does not know.
// Each over several scenarios, both languages, four ages and many seeds; the rates are printed.
import {
  builtInScenario,
  simulate,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { bandOf, DISTORTION_UNCORRECTED } from '../../../src/training/research';
import { personsNamed, resolvePronoun } from '../../../src/training/referent';

const AGES = [4, 7, 11, 15];
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDK = /^(?:no s[eé]|no me acuerdo|i don'?t know|i don'?t remember|don'?t know)\.?$/iu;
const WHO = /^(?:who\?|who do you mean\?|¿quién\?)$/iu;

function scenarioOf(id: string, language: TrainingLanguage, age: number): Scenario {
  const s = builtInScenario(id, language);
  if (!s) throw new Error(`no scenario ${id}`);
  return { ...s, ageYears: age, reluctance: 0 };
}

describe('an echo of something the child never said is a distortion, not "Okay"', () => {
  // Scenarios where no mother or father takes part in the event.
  const CASES: Array<[string, TrainingLanguage, string, RegExp]> = [
    ['party-push', 'en', 'You said it was your mom.', /\bmom\b/u],
    ['party-push', 'es', 'Dijiste que fue tu mamá.', /mamá/u],
    ['dog-bite', 'en', 'You told me your dad was there.', /\bdad\b/u],
    ['dog-bite', 'es', 'Me dijiste que tu papá estaba ahí.', /papá/u],
    ['stolen-bike', 'en', 'So your dad took it.', /\bdad\b/u],
  ];
  const SEEDS = 60;
  test.each(CASES)('%s %s: "%s"', (id, language, echo, word) => {
    const correction = language === 'en' ? /^No, that's not right\./u : /^No, eso no es cierto\./u;
    for (const age of AGES) {
      let standing = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulate(scenarioOf(id, language, age), seed, [OPEN[language], echo].map(S));
        const last = sim.replies.at(-1)!;
        // The coding counts it as the interviewer putting a detail into the event.
        expect(last.coding.type).toBe('suggestive');
        const planted = sim.falseDetails.filter((f) => word.test(f.detail));
        if (correction.test(last.answer)) {
          expect(planted).toEqual([]);
        } else {
          // Let stand: a bare agreement, never "Okay" to an instruction, and recorded as taken up.
          expect(last.answer).toMatch(/^(?:Yeah|Yes|Sí)\.$/u);
          expect(planted.length).toBe(1);
          expect(planted[0]?.source).toBe('suggested');
          standing++;
        }
      }
      const rate = standing / SEEDS;
      const expected = DISTORTION_UNCORRECTED[bandOf(age)];
      process.stdout.write(
        `${id} ${language} age ${age}: left uncorrected ${(rate * 100).toFixed(0)}% (research.ts ${expected * 100}%)\n`,
      );
      // Within sampling error of the research rate (binomial sd at n=60 is at most 0.065).
      expect(Math.abs(rate - expected)).toBeLessThan(0.2);
    }
  });
});

describe('a pronoun is read as the person the talk last named', () => {
  test('persons are found in order, possessors left out', () => {
    expect(personsNamed("It was at my cousin's birthday party.", 'en', new Set())).toEqual([]);
    expect(personsNamed('Fue en la fiesta de cumpleaños de mi primo.', 'es', new Set())).toEqual(
      [],
    );
    expect(
      personsNamed('Mi tía le dijo al hombre que se fuera.', 'es', new Set()).map((p) => p.word),
    ).toEqual(['tia', 'hombre']);
    const names = new Set(['marco']);
    expect(
      resolvePronoun({ kind: 'third' }, ['Marco took it.', '¿Qué dijo?'], 'es', names),
    ).toEqual({ kind: 'named', words: ['marco'] });
    // "she" skips a man named later and finds the woman.
    expect(
      resolvePronoun(
        { kind: 'third', gender: 'f' },
        ['My aunt told the man to go home.', 'What did she say?'],
        'en',
        new Set(),
      ),
    ).toEqual({ kind: 'named', words: ['aunt'] });
    expect(
      resolvePronoun({ kind: 'third', gender: 'f' }, ['There was a man.'], 'en', new Set()),
    ).toBeUndefined();
  });

  // [scenario, language, pronoun question, a fact of a person the talk has not named]
  const UNNAMED: Array<[string, TrainingLanguage, string, RegExp]> = [
    ['party-push', 'en', 'What did she say?', /aunt/u],
    ['party-push', 'es', '¿Qué dijo?', /tía/u],
    ['party-push', 'es', '¿Qué te dijo?', /tía/u],
    ['shoplifting-sibling', 'en', 'What did he say?', /not to tell/u],
    ['shoplifting-sibling', 'es', '¿Qué dijo?', /no le dijera|no dijera|no le cont/u],
  ];
  test.each(UNNAMED)('%s %s "%s" before anyone is named', (id, language, question, never) => {
    const SEEDS = 40;
    const byBand = new Map<number, { who: number; n: number }>();
    for (const age of AGES)
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulate(
          scenarioOf(id, language, age),
          seed,
          [OPEN[language], question].map(S),
        );
        const first = sim.replies[0]?.answer ?? '';
        const answer = sim.replies.at(-1)?.answer ?? '';
        // Only runs where the first answer named nobody: the pronoun has no referent.
        if (personsNamed(first, language, new Set(['marco', 'sam'])).length > 0) continue;
        expect(answer).not.toMatch(never);
        expect(IDK.test(answer) || WHO.test(answer)).toBe(true);
        const b = byBand.get(bandOf(age)) ?? { who: 0, n: 0 };
        b.n++;
        if (WHO.test(answer)) b.who++;
        byBand.set(bandOf(age), b);
      }
    const rows = [...byBand.entries()].map(
      ([band, b]) => `band ${band}: ${b.who}/${b.n} asked who`,
    );
    process.stdout.write(`${id} ${language} "${question}": ${rows.join(', ')}\n`);
    const young = byBand.get(0);
    const old = byBand.get(3);
    expect(young?.n ?? 0).toBeGreaterThan(0);
    // Older children notice more often that they cannot tell whom the question means (where the
    // oldest band's first answer named nobody: in shoplifting-sibling it always names Marco).
    if (old && old.n > 0) expect(old.who / old.n).toBeGreaterThan(young!.who / young!.n);
  });

  // Once the interviewer names the person, the pronoun question gets that person's words.
  const NAMED: Array<[string, TrainingLanguage, string, string, RegExp, RegExp]> = [
    [
      'party-push',
      'en',
      'Tell me about your aunt.',
      'What did she say?',
      /^My aunt told the man to go home\.$/u,
      /shouting|cap|couch/u,
    ],
    [
      'party-push',
      'es',
      'Cuéntame más de tu tía.',
      '¿Qué dijo?',
      /^Mi tía le dijo al hombre que se fuera a su casa\.$/u,
      /gritando|gorra|sillón/u,
    ],
  ];
  test.each(NAMED)('%s %s: "%s" then "%s"', (id, language, cue, question, right, never) => {
    let told = 0;
    let n = 0;
    for (const age of AGES)
      for (let seed = 1; seed <= 20; seed++) {
        const sim = simulate(
          scenarioOf(id, language, age),
          seed,
          [OPEN[language], cue, question].map(S),
        );
        const answer = sim.replies.at(-1)?.answer ?? '';
        n++;
        expect(answer).not.toMatch(never);
        expect(right.test(answer) || IDK.test(answer)).toBe(true);
        if (right.test(answer)) told++;
      }
    process.stdout.write(`${id} ${language} "${question}" after naming: ${told}/${n} told it\n`);
    expect(told).toBeGreaterThan(n / 2);
  });
});
