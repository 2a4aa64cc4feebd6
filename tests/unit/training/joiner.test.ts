// Issue #18 audit B18-8: the child's joined sentences read as one child speaking: no doubled
// connective ("And then then…", "Y luego luego…") and no capital after "And then" / "Y luego"
// except a name or "I". Every scenario's facts and practice event, both languages, many seeds.
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const INVITE = {
  en: [
    'Tell me everything that happened.',
    'And then what happened?',
    'Tell me more.',
    'What happened next?',
  ],
  es: ['Cuéntame todo lo que pasó.', '¿Y luego qué pasó?', 'Cuéntame más.', '¿Qué pasó después?'],
} as const;
const PRACTICE = {
  en: 'Tell me everything you did yesterday.',
  es: 'Cuéntame todo lo que hiciste ayer.',
} as const;

describe.each(['en', 'es'] as TrainingLanguage[])('B18-8 joined facts (%s)', (language) => {
  it('no doubled connective and no capital mid-sentence after the connective', () => {
    const then = language === 'en' ? 'And then' : 'Y luego';
    const doubled =
      language === 'en'
        ? /\band then (then|and then|after that)\b/i
        : /\by luego (luego|y luego|después|entonces)\b/i;
    let joined = 0;
    for (const scenario of builtInScenarios(language)) {
      const names = new Set([
        scenario.alias,
        ...scenario.facts.flatMap((f) => f.text.match(/(?<=[a-záéíóúñ,] )\p{Lu}[\p{L}']+/gu) ?? []),
      ]);
      const turns: PracticeTurn[] = [
        { text: PRACTICE[language], phaseId: 'narrativePractice', substantive: false },
        ...[...INVITE[language], ...INVITE[language]].map((text) => ({
          text,
          phaseId: 'investigation',
          substantive: true,
        })),
      ];
      for (let seed = 1; seed <= 40; seed++)
        for (const r of simulate(scenario, seed, turns).replies) {
          expect(r.answer).not.toMatch(doubled);
          for (const m of r.answer.matchAll(new RegExp(`${then} (\\p{Lu}[\\p{L}']*)`, 'gu'))) {
            const word = m[1] ?? '';
            expect({
              answer: r.answer,
              ok:
                word === 'I' ||
                word.startsWith("I'") ||
                names.has(word) ||
                names.has(word.replace(/'s$/, '')),
            }).toEqual({ answer: r.answer, ok: true });
          }
          if (r.answer.includes(then)) joined++;
        }
    }
    expect(joined).toBeGreaterThan(50);
  });
});
