// Issue #18 audit N18f-4: the sentence a child says when it takes up a suggested detail differs by
// age band (compliance.ts clauseForAge): a preschooler echoes the end of the question ("With a
// shovel."), a school-age child repeats the interviewer's clause, a teenager says it in its own
// grammar ("He hit me with a shovel.", never the question's emphatic "did"). Possessives turn to
// the child's side ("your friend" -> "my friend"). Over seeds, en and es.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { clauseForAge, compliantClause } from '../../../src/training/compliance';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 60;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };

/** The adopted answers (a false detail taken up) to `q` at `age`, over seeds. */
function adopted(lang: TrainingLanguage, q: string, age: number): string[] {
  const base = builtInScenario('dog-bite', lang);
  if (!base) throw new Error('no scenario');
  const out: string[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const reply = simulate({ ...base, ageYears: age, reluctance: 0 }, seed, [S(OPEN[lang]), S(q)])
      .replies[1];
    if (reply && reply.newFalseDetails.length > 0) out.push(reply.answer);
  }
  return out;
}

describe('N18f-4: the adopted sentence is worded for the age band', () => {
  test.each([
    [
      'en',
      'Did he hit you with a shovel?',
      /^Yeah\. With a shovel\.$/u,
      /^Yes\. He hit me with a shovel\.$/u,
    ],
    ['es', '¿Te pegó con una pala?', /^Sí\. Con una pala\.$/u, /^Sí\. Me pegó con una pala\.$/u],
    [
      'en',
      'Did your friend hit you with a shovel, sweetie?',
      /^Yeah\. With a shovel\.$/u,
      /^Yes\. My friend hit me with a shovel\.$/u,
    ],
    [
      'es',
      '¿Tu amiga te pegó con una pala, mi amor?',
      /^Sí\. Con una pala\.$/u,
      /^Sí\. Mi amiga me pegó con una pala\.$/u,
    ],
  ] as const)('%s "%s": age 4 echoes, age 16 says it in its own words', (lang, q, young, teen) => {
    const at4 = adopted(lang, q, 4);
    const at16 = adopted(lang, q, 16);
    process.stdout.write(
      `N18f-4 ${lang} "${q}": age 4 ${at4.length}/${SEEDS} "${at4[0]}", age 16 ${at16.length}/${SEEDS} "${at16[0]}"\n`,
    );
    expect(at4.length).toBeGreaterThan(0);
    expect(at16.length).toBeGreaterThan(0);
    expect(at4.filter((a) => !young.test(a))).toEqual([]);
    expect(at16.filter((a) => !teen.test(a))).toEqual([]);
    // Younger children take up more (research.ts SUGGESTIVE_UPTAKE).
    expect(at4.length).toBeGreaterThanOrEqual(at16.length);
  });

  test('a preschooler echoes, older children say it in their own grammar; no band adds a detail word', () => {
    const clause = compliantClause('Did he take your shoes?', 'en', ['shoes'])!;
    const forms = [0, 1, 2, 3].map((b) => clauseForAge(clause, 'en', b));
    // No band says the interviewer's emphatic "did" (audit 18h, N18f-4 partly: "He did make me
    // drink beer." at 6-9).
    expect(forms).toEqual([
      'My shoes.',
      'He took my shoes.',
      'He took my shoes.',
      'He took my shoes.',
    ]);
    expect(clauseForAge('He does hit me.', 'en', 3)).toBe('He hits me.');
    expect(clauseForAge('I do live with my uncle.', 'en', 3)).toBe('I live with my uncle.');
    expect(clauseForAge('Me quitó mi identificación.', 'es', 0)).toBe('Mi identificación.');
    // A clause with nothing to echo stays whole rather than a one-word fragment.
    expect(clauseForAge('Me pegó.', 'es', 0)).toBe('Me pegó.');
  });
});
