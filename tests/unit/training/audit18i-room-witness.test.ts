// Issue #18, outside pass 9 (audit 18i) and its leftovers: N18i-1 (room talk in the plain
// present planted a false allegation), N18d-11 (a witness question with a missed "no" found no
// fact to affirm) and N18h-3 (the feedback quoted the question's "the" for the child's own guess
// "In the morning"). Each over every built-in scenario, many seeds and four ages, en and es-419.
import { planSession } from '../../../src/protocols';
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { buildFeedback } from '../../../src/training/feedback';
import { eventDetailWords } from '../../../src/training/process-talk';
import type { TrainingLanguage } from '../../../src/training/types';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const LANGS: TrainingLanguage[] = ['en', 'es'];
const AGES = [4, 8, 12, 16];
const SEEDS = 12;

/** The second reply of `id` at `age` for OPEN then `q`. */
function second(id: string, language: TrainingLanguage, age: number, seed: number, q: string) {
  const scenario = { ...builtInScenario(id, language)!, ageYears: age, reluctance: 0 };
  return simulate(scenario, seed, [S(OPEN[language]), S(q)]).replies[1]!;
}

describe('N18i-1: a present statement about a thing in the room plants nothing', () => {
  const ROOM: Record<TrainingLanguage, string[]> = {
    en: [
      'The fan makes a little noise.',
      'The camera in the corner records everything.',
      "The clock on the wall says ten o'clock.",
      'The light in the ceiling buzzes sometimes.',
    ],
    es: [
      'El ventilador hace un poquito de ruido.',
      'La cámara de la esquina graba todo.',
      'El reloj de la pared marca las diez.',
      'La luz del techo zumba a veces.',
    ],
  };
  test.each(LANGS)('%s: no false detail, coded other, in every scenario and age', (language) => {
    let asked = 0;
    let planted = 0;
    for (const q of ROOM[language]) {
      expect(eventDetailWords(q, language).size).toBe(0);
      expect(codeUtterance(q, language, [], 10).type).toBe('other');
      for (const id of BUILTIN_IDS)
        for (const age of AGES)
          for (let seed = 1; seed <= 3; seed++) {
            const r = second(id, language, age, seed, q);
            asked++;
            if (r.newFalseDetails.length > 0 || r.newIntroducedDetails.length > 0) planted++;
          }
    }
    process.stdout.write(`N18i-1 ${language}: room lines planted ${planted}/${asked}\n`);
    expect(asked).toBe(ROOM[language].length * BUILTIN_IDS.length * AGES.length * 3);
    expect(planted).toBe(0);
  });

  // The distinguishing test is a person or act of the event, not the present tense alone.
  const EVENT: Record<TrainingLanguage, string[]> = {
    en: ['Your uncle does bad things to kids.', 'Your teacher has a tattoo.', 'It hurts a lot.'],
    es: [
      'Tu tío les hace cosas malas a los niños.',
      'Te toca en la noche.',
      'Dijo que era un secreto.',
    ],
  };
  test.each(LANGS)('%s: a person, the child or an act of concern still plants', (language) => {
    for (const q of EVENT[language]) {
      expect(eventDetailWords(q, language).size).toBeGreaterThan(0);
      let planted = 0;
      for (const age of AGES)
        for (let seed = 1; seed <= SEEDS; seed++)
          if (second('visitor-nothing', language, age, seed, q).newFalseDetails.length > 0)
            planted++;
      process.stdout.write(
        `N18i-1 ${language} "${q}": planted ${planted}/${AGES.length * SEEDS}\n`,
      );
      expect(planted).toBeGreaterThan(0);
    }
  });
});

describe('N18d-11: a witness question finds the fact of what was seen', () => {
  const Q = {
    en: {
      negative: "Didn't you see the teenager take your bike?",
      where: 'Where did you leave your bike?',
    },
    es: {
      negative: '¿No viste al muchacho llevarse tu bici?',
      where: '¿Dónde dejaste tu bici?',
    },
  } as const;
  test.each(LANGS)('%s: affirmed with the teenager, at ages 8 to 16', (language) => {
    let affirmed = 0;
    let wrongFact = 0;
    let heard = 0;
    for (const age of [8, 11, 14, 16])
      for (let seed = 1; seed <= 25; seed++) {
        const r = second('stolen-bike', language, age, seed, Q[language].negative);
        if (r.notUnderstood) continue;
        heard++;
        if (/^(?:Yes|Yeah|Sí)(?![\p{L}])/u.test(r.answer)) affirmed++;
        // Never the fact of where the bike was left.
        if (/library|biblioteca/iu.test(r.answer)) wrongFact++;
      }
    process.stdout.write(`N18d-11 ${language}: affirmed ${affirmed}/${heard} heard\n`);
    expect(heard).toBeGreaterThan(60);
    expect(affirmed / heard).toBeGreaterThan(0.8);
    expect(wrongFact).toBe(0);
  });
  test.each(LANGS)('%s: "where did you leave your bike" is not who took it', (language) => {
    let told = 0;
    for (const age of [8, 11, 14, 16])
      for (let seed = 1; seed <= 25; seed++) {
        const r = second('stolen-bike', language, age, seed, Q[language].where);
        expect(r.answer).not.toMatch(/teenager|muchacho/iu);
        if (/library|biblioteca/iu.test(r.answer)) told++;
      }
    expect(told).toBeGreaterThan(50);
  });
});

describe("N18h-3: the feedback names a guess in the child's words", () => {
  // es records the act ("me tomó fotos": "tomó" is new), so only en answers with a bare guess.
  test('en: "When did he take the pictures?" in visitor-nothing', () => {
    const language: TrainingLanguage = 'en';
    const Q = { en: 'When did he take the pictures?' };
    let guesses = 0;
    for (const age of AGES)
      for (let seed = 1; seed <= 30; seed++) {
        const scenario = {
          ...builtInScenario('visitor-nothing', language)!,
          ageYears: age,
          reluctance: 0,
        };
        const turns = [S(OPEN[language]), S(Q[language])];
        const sim = simulate(scenario, seed, turns);
        const transcript = turns.flatMap((t, i) => [
          { speaker: 'interviewer' as const, text: t.text },
          { speaker: 'child' as const, text: sim.replies[i]!.answer },
        ]);
        const f = buildFeedback({
          scenario,
          seed,
          turns: transcript,
          simulation: sim,
          plan: planSession('nichd', age, language),
          phasesEntered: new Set(['investigation']),
          conclusion: 'nothing-happened',
        });
        for (const d of f.falseDetails.filter((x) => x.source === 'guess')) {
          guesses++;
          // "In the morning?" is named "In the morning", never the question's "the".
          const said = sim.replies[d.questionNumber - 1]!.answer.replace(/[¿?]/gu, '');
          expect(said).toContain(d.detail);
          expect(d.detail).not.toMatch(/^(?:the|las?|los?)$/iu);
        }
      }
    process.stdout.write(`N18h-3 ${language}: ${guesses} guesses named as said\n`);
    expect(guesses).toBeGreaterThan(5);
  });
});
