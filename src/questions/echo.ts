// One word of the child's said back with a rising tone ("¿Sola?" after "me quedé sola", "Naked?"
// after "I was naked"): a restatement, which NICHD codes as a facilitator (Lamb et al. 2007;
// Lamb et al. 2008, facilitators include repeating the child's previous utterance). Longer
// restatements are found by echoesChild (vocabulary.ts); this covers the one-word echo, which
// that check leaves out because one word alone rarely says which clause it came from. Coach25.
import type { Lexicon } from './lexicon';
import { words } from './text';
import type { ChildVocabulary } from './vocabulary';

/**
 * Is the utterance one content word, exactly as the child said it in one of the child's turns?
 * @param norm the normalised utterance (punctuation and fillers allowed).
 */
export function echoedWord(norm: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  const ws = words(norm.replace(lex.fillers, ' ')).filter((w) => w.length > 0);
  if (ws.length !== 1) return false;
  const w = ws[0] ?? '';
  if (w.length < 3 || lex.functionWords.has(w) || lex.stopwords.has(w)) return false;
  return vocab.turns.some((turn) => words(turn).includes(w));
}
