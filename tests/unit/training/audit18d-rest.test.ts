// Issue #18 audit 18d, the minor findings N18d-7 to N18d-12 and the practice event told
// whatever was asked. Seeded runs (the dice are keyed by scenario, seed and turn, rng.ts), rates
// over many seeds with generous bounds; nothing here depends on time.
import {
  builtInScenario,
  builtInScenarios,
  simulate,
  type PracticeTurn,
} from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 100;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const NP = (text: string): PracticeTurn => ({
  text,
  phaseId: 'narrativePractice',
  substantive: false,
});
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' } as const;

/** The words of a text, lower case, without punctuation. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

describe("N18d-7: an adopted detail is said as a full sentence in the interviewer's words", () => {
  // [scenario, language, question, the child's side of it, as said at the scenario's age: the
  // 4-year-old of dog-bite echoes the end of the question, the 11- and 16-year-olds say it in
  // their own grammar (compliance.ts clauseForAge, audit N18f-4)]. The person words a child uses
  // of itself and the verb's own inflection ("hits", "pushed") are the only words not in the
  // question.
  const CASES: ReadonlyArray<[string, TrainingLanguage, string, string]> = [
    ['teen-exploitation', 'en', 'Does he hit you?', 'He hits me.'],
    ['teen-exploitation', 'es', '¿Te quitó tu identificación?', 'Me quitó mi identificación.'],
    ['teen-exploitation', 'es', '¿Te pega?', 'Me pega.'],
    ['dog-bite', 'en', 'Did he hit you with a shovel?', 'With a shovel.'],
    ['dog-bite', 'es', '¿Te pegó con una pala?', 'Con una pala.'],
    ['stolen-bike', 'en', 'Did he push you off the bike?', 'He pushed me off the bike.'],
    ['stolen-bike', 'es', '¿Te caíste de la bici?', 'Me caí de la bici.'],
  ];
  const PERSON = new Set(['me', 'my', 'mine', 'i', 'mi', 'mí', 'yo', 'conmigo', 'caí']);

  test.each(CASES)('%s %s "%s" -> "%s"', (id, language, question, clause) => {
    const scenario = { ...builtInScenario(id, language)!, reluctance: 0 };
    let adopted = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const reply = simulate(scenario, seed, [S(OPEN[language]), S(question)]).replies[1]!;
      if (reply.newFalseDetails.length === 0 || reply.newFalseDetails[0]!.lureId) continue;
      adopted++;
      // "Yes. He does hit me.", never "Yes. Hit."
      expect(reply.answer).toMatch(
        new RegExp(`^(?:Yes|Yeah|Sí)\\. ${clause.replace('.', '\\.')}$`),
      );
      const asked = new Set(wordsOf(question));
      expect(
        wordsOf(clause).filter(
          (w) =>
            !asked.has(w) &&
            !PERSON.has(w) &&
            ![...asked].some((a) => a.length >= 3 && w.startsWith(a)),
        ),
      ).toEqual([]);
    }
    process.stdout.write(`N18d-7 ${id} ${language} "${question}": adopted ${adopted}/${SEEDS}\n`);
    expect(adopted).toBeGreaterThan(0);
  });

  test("a 16-year-old's adopted answers have a subject and a verb (no one- or two-word telegraph)", () => {
    let adopted = 0;
    for (const language of ['en', 'es'] as const) {
      const scenario = { ...builtInScenario('teen-exploitation', language)!, reluctance: 0 };
      const lures =
        language === 'en'
          ? ['Did he take your ID?', 'Does he hit you?', 'Did he lock you in a room?']
          : ['¿Te quitó tu identificación?', '¿Te pega?', '¿Te encerró en un cuarto?'];
      for (const q of lures)
        for (let seed = 1; seed <= SEEDS; seed++) {
          const reply = simulate(scenario, seed, [S(OPEN[language]), S(q)]).replies[1]!;
          if (reply.newFalseDetails.length === 0) continue;
          adopted++;
          const after = reply.answer.replace(/^(?:Yes|Yeah|Sí)\.\s*/, '');
          expect([reply.answer, wordsOf(after).length >= 2]).toEqual([reply.answer, true]);
        }
    }
    expect(adopted).toBeGreaterThan(10);
  });
});

describe('N18d-12: a place from the practice event or rapport talk is new to the event', () => {
  test.each([
    ['en', 'So it happened at the beach.', 'So it happened at the mall.'],
    ['es', 'Entonces pasó en la playa.', 'Entonces pasó en el centro comercial.'],
  ] as const)(
    '%s stolen-bike "%s" left standing no more often than "%s"',
    (language, beach, mall) => {
      // The practice event and the rapport talk are a spring-break beach trip; the bike was taken
      // at the library. Both summaries move the place: both are distortions (Roberts & Lamb 1999).
      const scenario = builtInScenario('stolen-bike', language)!;
      const practice = NP(
        language === 'en'
          ? 'Tell me everything that happened over spring break.'
          : 'Cuéntame todo lo que pasó en las vacaciones.',
      );
      const rate = (summary: string) => {
        let corrected = 0;
        let planted = 0;
        for (let seed = 1; seed <= SEEDS; seed++) {
          const sim = simulate(scenario, seed, [practice, S(OPEN[language]), S(summary)]);
          const r = sim.replies[2]!;
          if (/^No,/.test(r.answer)) corrected++;
          if (r.newFalseDetails.length > 0) planted++;
        }
        return { corrected, planted };
      };
      const b = rate(beach);
      const m = rate(mall);
      process.stdout.write(
        `N18d-12 ${language}: beach corrected ${b.corrected} planted ${b.planted}; mall corrected ${m.corrected} planted ${m.planted} /${SEEDS}\n`,
      );
      // Before the fix the beach was "Okay." in 100/100 runs, never corrected and never recorded.
      expect(b.corrected).toBeGreaterThan(10);
      expect(b.planted).toBeGreaterThan(10);
      expect(Math.abs(b.corrected - m.corrected)).toBeLessThan(25);
    },
  );
});

describe('the practice event is told only when it is what is asked about', () => {
  const ABOUT_EVENT: Record<string, Record<TrainingLanguage, string>> = {
    'dog-bite': {
      en: 'Tell me everything that happened with the dog.',
      es: 'Cuéntame todo lo que pasó con el perro.',
    },
    'stolen-bike': { en: 'Tell me about your bike.', es: 'Cuéntame de tu bici.' },
    'teen-exploitation': { en: 'Tell me about the motel.', es: 'Cuéntame del motel.' },
  };
  test.each(
    Object.keys(ABOUT_EVENT).flatMap((id) => (['en', 'es'] as const).map((l) => [id, l] as const)),
  )(
    '%s %s: asked about the event in the practice phase, no practice fact is told',
    (id, language) => {
      const scenario = { ...builtInScenario(id, language)!, reluctance: 0 };
      let practiceTold = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const sim = simulate(scenario, seed, [NP(ABOUT_EVENT[id]![language])]);
        practiceTold += sim.practice.elicited.size;
        expect(sim.replies[0]!.stage).toBe('substantive');
      }
      expect(practiceTold).toBe(0);
    },
  );

  test("the protocol's practice prompts and plain follow-ups still bring the practice event", () => {
    const P = {
      en: ['Tell me everything that happened on your last special day.', 'And then what happened?'],
      es: ['Cuéntame todo lo que pasó en tu último día especial.', 'Y luego, ¿qué pasó?'],
    } as const;
    for (const language of ['en', 'es'] as const)
      for (const scenario of builtInScenarios(language)) {
        let told = 0;
        for (let seed = 1; seed <= 10; seed++) {
          const sim = simulate({ ...scenario, reluctance: 0 }, seed, P[language].map(NP));
          expect(sim.replies.every((r) => r.stage === 'practice')).toBe(true);
          expect(sim.elicited.size).toBe(0);
          told += sim.practice.elicited.size;
        }
        expect([scenario.id, told > 0]).toEqual([scenario.id, true]);
      }
  });
});
