// Issue #18 audit N18d-3: wh- questions are answered with the fact they ask for, whatever the
// wh- form ("whose", "de quién", "con quién", "which grown-up", "cuál señor", "how did you get
// to"), or with "I don't know" or a guess of that kind, never with another kind of fact nor an
// echo of the question's words (Lamb et al. 2007; Lamb et al. 2018, Tell Me What Happened).
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { textsFor } from '../../../src/training/texts';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 60;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' } as const;

interface Case {
  lang: TrainingLanguage;
  scenario: string;
  q: string;
  /** The fact that answers it (undefined: the scenario holds none, so "I don't know"). */
  fact?: string;
  guess?: 'who';
}
const CASES: Case[] = [
  { lang: 'en', scenario: 'dog-bite', q: 'Whose dog was it?', fact: 'owner', guess: 'who' },
  { lang: 'es', scenario: 'dog-bite', q: '¿De quién era el perro?', fact: 'owner', guess: 'who' },
  { lang: 'en', scenario: 'dog-bite', q: 'How did you get to the park?' },
  { lang: 'es', scenario: 'dog-bite', q: '¿Cómo llegaste al parque?' },
  {
    lang: 'en',
    scenario: 'dog-bite',
    q: 'Who were you with at the park?',
    fact: 'grandma',
    guess: 'who',
  },
  {
    lang: 'es',
    scenario: 'dog-bite',
    q: '¿Con quién estabas en el parque?',
    fact: 'grandma',
    guess: 'who',
  },
  {
    lang: 'en',
    scenario: 'party-push',
    q: 'Which grown-up was shouting?',
    fact: 'man',
    guess: 'who',
  },
  {
    lang: 'es',
    scenario: 'party-push',
    q: '¿Cuál señor estaba gritando?',
    fact: 'man',
    guess: 'who',
  },
];

describe('N18d-3: every wh- form gets the fact it asks for, "I don\'t know" or a guess of its kind', () => {
  // The rule is exact (no rate): any other answer is a failure, so the false-failure probability
  // is 0. Reluctance 0, so that the answers are about the question and not held back.
  test.each(CASES)('$lang $scenario "$q"', ({ lang, scenario, q, fact, guess }) => {
    const sc = { ...builtInScenario(scenario, lang)!, reluctance: 0 };
    const t = textsFor(lang);
    const allowed = new Set<string>([...t.child.idk, ...t.child.idkYoung]);
    if (guess) for (const g of t.guesses[guess]) allowed.add(g);
    const right = fact ? sc.facts.find((f) => f.id === fact)!.text : undefined;
    if (right) allowed.add(right);
    let answered = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const reply = simulate(sc, seed, [S(OPEN[lang]), S(q)]).replies[1]!;
      expect({ seed, answer: reply.answer, ok: allowed.has(reply.answer) }).toEqual({
        seed,
        answer: reply.answer,
        ok: true,
      });
      if (reply.answer === right) answered++;
    }
    process.stdout.write(`N18d-3 ${lang} "${q}": the fact asked for in ${answered}/${SEEDS}\n`);
    // The fact is told whenever the child remembers it (peripheral facts are forgotten by some).
    if (right) expect(answered).toBeGreaterThan(SEEDS / 3);
  });
});
