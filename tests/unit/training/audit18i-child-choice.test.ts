// Issue #18, outside pass 9 (aud18i), the child's side: forced-choice answers are one option in
// the child's grammar and only that option is recorded (N18i-2, N18i-3), en and es record a
// colour choice alike (N18i-2), a comment is answered as a comment (N18i-5, N18h-5), and the
// es-419 oddities of the "Child speech" section. Each test covers many seeds and every age.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 20;
const AGES = [4, 7, 10, 14];
const IDS = ['visitor-nothing', 'babysitter-repeated', 'uncle-secret', 'party-push', 'dog-bite'];
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };

interface Played {
  answer: string;
  details: string[];
}

/** The reply to `q` after one open invitation, over seeds, ages and scenarios. */
function play(lang: TrainingLanguage, q: string, ids: readonly string[] = IDS): Played[] {
  const out: Played[] = [];
  for (const id of ids)
    for (const age of AGES)
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sc = { ...builtInScenario(id, lang)!, reluctance: 0, ageYears: age };
        const r = simulate(sc, seed, [S(OPEN[lang]), S(q)]).replies[1]!;
        out.push({ answer: r.answer, details: r.newFalseDetails.map((d) => d.detail) });
      }
  return out;
}

describe("N18i-3: a choice between the child's own acts is answered in the first person", () => {
  test.each([
    ['en', 'Did you cry or stay quiet?', ['I cried.', 'I stayed quiet.'], ['cry', 'stay quiet']],
    [
      'es',
      '¿Lloraste o te quedaste callada?',
      ['Lloré.', 'Me quedé callada.'],
      ['lloraste', 'te quedaste callada'],
    ],
  ] as const)('%s "%s"', (lang, q, phrases, options) => {
    const played = play(lang, q);
    // Never a bare yes/no to an either/or, never the interviewer's second person.
    for (const p of played) {
      expect(p.answer).not.toMatch(/^(?:Yes|Yeah|Sí|No)\.$/u);
      expect(p.answer).not.toMatch(/\b(?:you|quedaste|lloraste)\b/iu);
      // The record is exactly one option, in the interviewer's words.
      for (const d of p.details) expect(options.some((o) => d === o || o.endsWith(d))).toBe(true);
    }
    // Both options are chosen by someone, and a chosen option is recorded as it was asked.
    for (const phrase of phrases) expect(played.some((p) => p.answer === phrase)).toBe(true);
    expect(played.some((p) => p.details.length > 0)).toBe(true);
  });
});

describe('N18i-3: "Was your mom home or at work?" gives a grammatical option', () => {
  test('en: "Home." or "At work.", never "Mom home."', () => {
    const played = play('en', 'Was your mom home or at work?');
    expect(played.some((p) => p.answer === 'Mom home.')).toBe(false);
    expect(played.some((p) => p.answer === 'Home.')).toBe(true);
    expect(played.some((p) => p.answer === 'At work.')).toBe(true);
  });
});

describe('N18i-2: en and es record a colour choice the same way', () => {
  test.each([
    [
      'en',
      'Was his shirt red, blue, or green?',
      ['Red.', 'Blue.', 'Green.'],
      ['red', 'blue', 'green'],
    ],
    [
      'es',
      '¿Su camisa era roja, azul o verde?',
      ['Roja.', 'Azul.', 'Verde.'],
      ['roja', 'azul', 'verde'],
    ],
  ] as const)(
    '%s "%s": answered with an option, the chosen one recorded',
    (lang, q, answers, words) => {
      const played = play(lang, q, ['visitor-nothing']);
      const picked = played.filter((p) => (answers as readonly string[]).includes(p.answer));
      expect(picked.length).toBeGreaterThan(played.length / 4);
      // In visitor-nothing every colour is false: each pick is recorded, and as that colour only.
      for (const p of picked) expect(p.details).toEqual([p.answer.slice(0, -1).toLowerCase()]);
      expect(words.filter((w) => picked.some((p) => p.details.includes(w))).length).toBeGreaterThan(
        1,
      );
    },
  );
});

describe('N18i-5 / N18h-5: a comment on how the child seems is answered as a comment', () => {
  test.each([
    ['en', 'You look worried right now.', /^(?:Yeah\.|I'm okay\.|I'm fine\.|\.\.\.)$/u],
    ['en', 'That must have been hard.', /^(?:Yeah\.|I'm okay\.|I'm fine\.|\.\.\.)$/u],
    // child19: "No tanto." replaced the bare "Bien." (native es-419 review).
    ['es', 'Te ves preocupada ahorita.', /^(?:Sí\.|Estoy bien\.|No tanto\.|\.\.\.)$/u],
  ] as const)('%s "%s": "Yeah."/"I\'m okay."/silence, nothing planted', (lang, q, reply) => {
    const played = play(lang, q);
    for (const p of played) {
      expect(p.answer).toMatch(reply);
      expect(p.details).toEqual([]);
    }
  });
});

describe('audit 18i child speech (es-419)', () => {
  // fix18q (native es-419 review): a place is refused "En otro lado.", never "En ninguno.".
  test('"Ninguno." is "Ninguno de esos." or, for places, "En otro lado."', () => {
    const things = play('es', '¿Era un perro o un gato?').map((p) => p.answer);
    const places = play('es', '¿Fue en tu cuarto o en la sala?').map((p) => p.answer);
    expect([...things, ...places]).not.toContain('Ninguno.');
    expect(things).toContain('Ninguno de esos.');
    expect(places).toContain('En otro lado.');
    expect(places).not.toContain('En ninguno.');
  });

  test('"¿Qué te hizo en el sótano?" is never answered "Me hizo en el sótano."', () => {
    const played = play('es', '¿Qué te hizo en el sótano?');
    expect(played.map((p) => p.answer)).not.toContain('Me hizo en el sótano.');
    // fix18q: an empty act ("Me hizo algo en el sótano.") answers nothing either.
    expect(played.some((p) => p.answer === 'Me hizo algo en el sótano.')).toBe(false);
  });

  test('a when-question answered with a fact does not open with "No."', () => {
    const played = play('es', '¿Cuándo fue la primera vez que te tocó?');
    expect(played.some((p) => /^No\. /u.test(p.answer))).toBe(false);
    expect(played.some((p) => p.answer === 'La primera vez fue cuando nevó.')).toBe(true);
  });

  test('a statement about the event is let stand with "Sí.", not "Sí, está bien."', () => {
    const played = play('es', 'Te tomó fotos en el baño.');
    const stood = played.filter((p) => p.details.length > 0);
    expect(stood.length).toBeGreaterThan(0);
    for (const p of stood) expect(p.answer).toBe('Sí.');
  });
});
