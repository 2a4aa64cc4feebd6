// Issue #18 audit B18-5: the live hint quotes the child's whole sentence, never cut at an
// abbreviation ("Mr.", "Dr.", "Sr.", "Sra.") and never dropping words ("man came to our class").
// Checked as a kind: every fact of every built-in scenario, in both languages, said by the child
// and then quoted back by the coach, comes back as one of the child's sentences.
import { classifyQuestion, sentencesOf } from '../../../src/questions';
import { builtInScenarios } from '../../../src/training';
import { suggestionFromOwnWords } from '../../../src/training/suggestion-words';
import type { TrainingLanguage } from '../../../src/training/types';

describe('sentencesOf (Intl.Segmenter and the abbreviation lists)', () => {
  it.each([
    [
      'en',
      'A man came to our class. His name is Mr. Dan. He read a story.',
      ['A man came to our class.', 'His name is Mr. Dan.', 'He read a story.'],
    ],
    [
      'en',
      'Dr. Lee looked at my arm. Mrs. Ortiz and Ms. Jo were there.',
      ['Dr. Lee looked at my arm.', 'Mrs. Ortiz and Ms. Jo were there.'],
    ],
    ['en', 'No. I said no! Did he? Yes.', ['No.', 'I said no!', 'Did he?', 'Yes.']],
    [
      'es',
      'Vino un señor a nuestro salón. Se llama el Sr. Dan.',
      ['Vino un señor a nuestro salón.', 'Se llama el Sr. Dan.'],
    ],
    [
      'es',
      'La Sra. López y la Dra. Ruiz me ayudaron. No. No es así.',
      ['La Sra. López y la Dra. Ruiz me ayudaron.', 'No.', 'No es así.'],
    ],
    ['es', '¿Ya me puedo ir? Sí.', ['¿Ya me puedo ir?', 'Sí.']],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(sentencesOf(text, language)).toEqual(expected);
  });
});

const QUOTE = /[“"]([^”"]+)[”"]/;

describe.each(['en', 'es'] as TrainingLanguage[])(
  'the coach quotes whole sentences (%s)',
  (language) => {
    it('"Did Mr. Dan…" after the child named him: the sentence with the title, whole', () => {
      const child =
        language === 'en'
          ? 'A man came to our class. His name is Mr. Dan. He read us a story.'
          : 'Vino un señor a nuestro salón. Se llama el Sr. Dan. Nos leyó un cuento.';
      const question = language === 'en' ? 'Did Mr. Dan touch you?' : '¿El Sr. Dan te tocó?';
      const s = classifyQuestion(question, language, { childWords: [child] }).suggestion ?? '';
      const quoted = QUOTE.exec(s)?.[1];
      expect(quoted).toBe(language === 'en' ? 'His name is Mr. Dan' : 'Se llama el Sr. Dan');
    });

    it('every fact of every scenario, quoted back, is one of the child’s own sentences or clauses', () => {
      let quotes = 0;
      for (const scenario of builtInScenarios(language))
        for (const fact of scenario.facts) {
          const answer = fact.text;
          // A whole sentence, or a whole clause of a sentence longer than the coach quotes.
        const own = sentencesOf(answer, language).flatMap((x) => [
          x.replace(/[.!?…]+$/u, ''),
          ...x.split(/(?<=[,;:])\s+/).map((c) => c.replace(/[.,;:!?…]+$/u, '')),
        ]);
          // A yes/no question on the fact's keyword draws the coach's "You said, “…”" alternative.
          const kw = fact.keywords[0] ?? '';
          const question =
            language === 'en' ? `Did that ${kw} hurt you?` : `¿Eso de ${kw} te lastimó?`;
          const turns = [
            {
              speaker: 'interviewer' as const,
              text: language === 'en' ? 'Tell me everything.' : 'Cuéntame todo.',
            },
            { speaker: 'child' as const, text: answer },
            { speaker: 'interviewer' as const, text: question },
          ];
          const s = suggestionFromOwnWords(turns, 2, [], language, scenario.ageYears) ?? '';
          const quoted = QUOTE.exec(s)?.[1];
          if (quoted === undefined) continue;
          quotes++;
          expect({ fact: fact.id, quoted, own: own.includes(quoted) }).toEqual({
            fact: fact.id,
            quoted,
            own: true,
          });
        }
      // The check ran on real quotes, not on none.
      expect(quotes).toBeGreaterThan(30);
    });
  },
);
