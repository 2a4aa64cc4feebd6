// Audit 18b, B18-4: a detail the child takes up from the interviewer is said in the interviewer's
// words as typed ("tocó", "lastimó"), never their accent-folded form ("toco", "lastimo" are other
// Spanish words), and a verb put to the child with "te" comes back as "me" ("me tocó"). Over many
// seeds, several scenarios and both languages; checked on the false details and on the answers.
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';

const sub = (texts: string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
const QUESTIONS = {
  es: [
    'Cuéntame todo lo que pasó.',
    '¿Te tocó?',
    '¿Dónde te tocó?',
    'Tu mamá dijo que te lastimó.',
    '¿Te pegó con un cinturón?',
    'Cuéntame más.',
  ],
  en: [
    'Tell me everything that happened.',
    'Did he touch you?',
    'Your mom said he hurt you.',
    'Tell me more.',
  ],
} as const;

describe.each(['es', 'en'] as const)('%s', (language) => {
  test('adopted details keep the interviewer’s spelling and accents', () => {
    let adopted = 0;
    for (const scenario of builtInScenarios(language).filter((s) => s.ageYears <= 8))
      for (let seed = 1; seed <= 40; seed++) {
        const sim = simulate(scenario, seed, sub([...QUESTIONS[language]]));
        for (const d of sim.falseDetails) {
          // A guess under a wh- question ("En la casa") is made up, not taken up from the question.
          if (d.lureId || d.source === 'guess') continue;
          adopted++;
          const asked = d.question.toLowerCase();
          for (const w of d.detail.toLowerCase().split(/\s+/)) {
            if (language === 'es' && w === 'me') continue;
            expect([d.detail, ` ${asked.replace(/[¿?¡!.,]/g, ' ')} `.includes(` ${w} `)]).toEqual([
              d.detail,
              true,
            ]);
          }
        }
        for (const r of sim.replies)
          expect(r.answer).not.toMatch(/\b(Toco|toco|Lastimo|lastimo|Pego|pego)\b/u);
      }
    expect(adopted).toBeGreaterThan(20);
  });
});

test('es: a verb put to the child with "te" comes back as "me"', () => {
  const seen = new Set<string>();
  for (const scenario of builtInScenarios('es').filter((s) => s.ageYears <= 8))
    for (let seed = 1; seed <= 40; seed++)
      for (const d of simulate(scenario, seed, sub([...QUESTIONS.es])).falseDetails)
        if (!d.lureId) seen.add(d.detail);
  expect([...seen]).toEqual(expect.arrayContaining(['me tocó', 'me lastimó']));
});
