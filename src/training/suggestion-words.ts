// Which of the child's words the coach may quote back in the "Better:" suggestions of practice
// feedback. A suggestion may never bring in a detail the child has not freely said (DESIGN.md,
// interviewing content), so two kinds of child speech are left out of the words offered to it:
// - a detail the child adopted from the interviewer (a suggested detail or a guess under a closed
//   question): quoting it back ("You said “a man held the dog”. Tell me more about that.") would
//   confirm the very detail the same page lists as introduced. This is the rule the simulated
//   child already applies to its cue words (child.ts surfaceKeywords);
// - a bare "Yes."/"Sí." to a yes/no question: the content of such an answer is the
//   interviewer's, not the child's (Lamb et al. 2007, Child Abuse Negl 31:1201-1231: an
//   invitation is open only when its content comes from the child).
// "No." stays: the coach needs it to see a denial and not press on after it.
import { codeUtterance, type Turn } from './coding';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

// Affirmations only, folded as WordTools.normalise folds them (no accents, lower case).
const BARE_YES = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'uh huh',
  'mhm',
  'mm hm',
  'okay',
  'ok',
  'si',
  'aja',
  'claro',
  'sip',
  'esta bien',
]);

/** Folded words of a text, space separated, for whole-phrase containment. */
function folded(language: TrainingLanguage, text: string): string {
  return wordTools(language)
    .normalise(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The child's answer with every sentence that states an adopted detail, and every bare
 * affirmation, removed. `adopted` holds the adopted details in the words the child used for them
 * (Simulation.adoptedDetails). Returns '' when nothing of the child's own remains.
 */
export function childOwnWords(
  answer: string,
  adopted: readonly string[],
  language: TrainingLanguage,
): string {
  const details = adopted.map((d) => folded(language, d)).filter((d) => d.length > 0);
  const sentences = answer.match(/[^.!?…]+[.!?…]*/gu) ?? [];
  return sentences
    .filter((sentence) => {
      const words = folded(language, sentence);
      if (words.length === 0 || BARE_YES.has(words)) return false;
      return !details.some((d) => ` ${words} `.includes(` ${d} `));
    })
    .map((s) => s.trim())
    .join(' ');
}

/**
 * The coach's safe open alternative to interviewer turn `index` of `turns`, built only from the
 * child's own words before it (childOwnWords), or undefined when the coach offers none.
 */
export function suggestionFromOwnWords(
  turns: readonly Turn[],
  index: number,
  adopted: readonly string[],
  language: TrainingLanguage,
  childAgeYears: number,
): string | undefined {
  const own: string[] = [];
  for (const turn of turns.slice(0, index))
    if (turn.speaker === 'child') {
      const kept = childOwnWords(turn.text, adopted, language);
      if (kept.length > 0) own.push(kept);
    }
  const text = turns[index]?.text;
  if (text === undefined) return undefined;
  return codeUtterance(text, language, own, childAgeYears).suggestion;
}
