// Which of the child's words the practice screen offers as chips. The simulated child's cue words
// are whole phrases cut from its answer ("the bus station", "el bolsillo de la chamarra", see
// src/training/phrases.ts), so a chip may hold a few words; a whole sentence the child repeated
// (sometimes an adopted false detail, "Yeah. A man had the dog") makes a poor, leading cue.

/**
 * Longest phrase offered as a chip, in words: a verb's cue is the child's whole clause ("a
 * teenager was riding off on it" is 7; src/training/phrases.ts MAX_CLAUSE_WORDS is 8).
 */
export const MAX_CHIP_WORDS = 8;

const TITLE = /\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|Srta)\./gu;
const SENTENCE_MARK = /[.!?¿¡,;:]/u;

/**
 * The keywords to show as chips, in their order: at most MAX_CHIP_WORDS words and no sentence
 * punctuation (a title's period, "Mr. Dan", is not one).
 */
export function chipWords(keywords: readonly string[]): string[] {
  return keywords.filter((k) => {
    const text = k.trim();
    return (
      text.length > 0 &&
      text.split(/\s+/u).length <= MAX_CHIP_WORDS &&
      !SENTENCE_MARK.test(text.replace(TITLE, ''))
    );
  });
}
