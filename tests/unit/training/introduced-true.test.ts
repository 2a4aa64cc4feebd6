// Issue #18 audit N18d-6: a TRUE detail the interviewer names before the child does is not a
// false detail, but it is still the interviewer's: NICHD training feedback counts it as
// introduced by the interviewer (contamination even when true; Lamb et al. 2007, Lamb et al.
// 2018). And a coercion frame ("Does he make you...?") put to a youth who does not see herself as
// a victim draws denial or disengagement, like a victim label (Lavoie et al. 2019; Henderson et
// al. 2021), never "Yes. Sex.".
import { planSession } from '../../../src/protocols';
import { buildFeedback, builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { Scenario, TrainingLanguage } from '../../../src/training/types';

const SEEDS = 100;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const YES = /^(?:yes|yeah|s[ií])(?![\p{L}])/iu;

function teen(language: TrainingLanguage, reluctance?: number): Scenario {
  const s = builtInScenario('teen-exploitation', language)!;
  return reluctance === undefined ? s : { ...s, reluctance };
}

function feedbackFor(s: Scenario, seed: number, turns: PracticeTurn[]) {
  const simulation = simulate(s, seed, turns);
  const dialogue = turns.flatMap((t, i) => [
    { speaker: 'interviewer' as const, text: t.text },
    { speaker: 'child' as const, text: simulation.replies[i]?.answer ?? '' },
  ]);
  return buildFeedback({
    scenario: s,
    seed,
    turns: dialogue,
    simulation,
    plan: planSession('nichd', s.ageYears, s.language),
    phasesEntered: new Set(['investigation']),
  });
}

// [language, question naming the true exchange in words the youth does not use, word named]
const TRUE_BUT_UNSAID: ReadonlyArray<[TrainingLanguage, string, string]> = [
  ['en', 'Did the men pay him for sex?', 'sex'],
  ['es', '¿Era sexo con esos hombres?', 'sexo'],
];

describe('N18d-6: a true detail the interviewer names first is introduced, not false', () => {
  // Deterministic for the false-detail count (the words are true of the scenario, so no seed can
  // make them false: false-failure probability 0). The introduced count only needs one seed of
  // 200 where the youth (reluctance 0) answers; measured (see the printed line) well above half.
  test.each(TRUE_BUT_UNSAID)(
    '%s "%s": never a false detail, recorded as introduced',
    (lang, q, word) => {
      let introduced = 0;
      let falseDetails = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const f = feedbackFor(teen(lang, 0), seed, [S(q)]);
        falseDetails += f.falseDetails.length;
        const d = f.introducedDetails.find((x) => x.questionNumber === 1);
        if (d) {
          introduced++;
          expect(d.detail.toLowerCase()).toContain(word);
          // The fact it is true of, in the child's words: the dates and the money.
          expect(d.fact).toBe(teen(lang).facts.find((x) => x.id === 'dates')!.text);
        }
      }
      process.stdout.write(
        `N18d-6 ${lang} "${q}": false ${falseDetails}, introduced ${introduced}/${SEEDS}\n`,
      );
      expect(falseDetails).toBe(0);
      expect(introduced).toBeGreaterThan(SEEDS / 2);
    },
  );

  test.each([
    ['en', 'Did he take you to a motel?', 'Tell me more about the motel.'],
    ['es', '¿Te llevó a un motel?', 'Cuéntame más sobre el motel.'],
  ] as const)(
    '%s: "%s" before the child said it is introduced; her own word cued back is not',
    (lang, named, cued) => {
      let first = 0;
      let cuedIntroduced = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const f = feedbackFor(teen(lang, 0), seed, [S(named), S(cued)]);
        if (f.introducedDetails.some((d) => d.questionNumber === 1 && d.detail === 'motel'))
          first++;
        // Cued back in her own word once she has said it: nothing introduced.
        const saidIt = /motel/iu.test(simulate(teen(lang, 0), seed, [S(named)]).replies[0]!.answer);
        if (saidIt && f.introducedDetails.some((d) => d.questionNumber === 2)) cuedIntroduced++;
        // Told after the interviewer named it: the fact counts as elicited, and as introduced.
        if (f.introducedDetails.some((d) => d.questionNumber === 1))
          expect(f.facts.find((x) => x.id === 'motel')?.questionNumber).toBe(1);
      }
      process.stdout.write(`N18d-6 ${lang} motel named first: introduced ${first}/${SEEDS}\n`);
      expect(first).toBeGreaterThan(SEEDS / 2);
      expect(cuedIntroduced).toBe(0);
    },
  );

  test('an open invitation that the child answers with the fact introduces nothing', () => {
    for (const [lang, open] of [
      ['en', 'Tell me everything that happened.'],
      ['es', 'Cuéntame todo lo que pasó.'],
    ] as const)
      for (let seed = 1; seed <= 50; seed++)
        expect(simulate(teen(lang, 0), seed, [S(open)]).introducedDetails).toEqual([]);
  });
});

describe('N18d-6: a coercion frame is heard like a victim label by a youth who rejects labels', () => {
  // Deterministic: the frame routes to the label path, which never says yes nor plants.
  test.each([
    ['en', 'Does he make you have sex for money?'],
    ['es', '¿Te obliga a tener sexo por dinero?'],
    ['en', 'He forces you to see those men, right?'],
    ['es', 'Él te forzó a ver a esos hombres, ¿verdad?'],
  ] as const)('%s "%s": no yes, no false detail', (lang, q) => {
    for (const reluctance of [0, undefined])
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = simulate(teen(lang, reluctance), seed, [S(q)]).replies[0]!;
        expect(r.answer).not.toMatch(YES);
        expect(r.newFalseDetails).toEqual([]);
      }
  });

  test('"Did that make you sad?" is no coercion frame: not answered as a rejected label', () => {
    let label = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = simulate(teen('en', 0), seed, [
        S('Tell me everything that happened.'),
        S('Did that make you sad?'),
      ]).replies[1]!;
      if (r.reluctant) label++;
    }
    expect(label).toBe(0);
  });
});
