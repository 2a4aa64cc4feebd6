// The child's vocabulary so far, as stems, for presumption checks and cued invitations.
// Cached per childWords array and extended incrementally, because the live coach calls the
// classifier on every keystroke with the same, growing array.
import type { Lexicon } from './lexicon';
import { normalise, stem, words } from './text';
import type { Language } from './types';

export interface ChildVocabulary {
  /** stem -> the child's own surface form (first seen), for suggestions in the child's words. */
  stems: Map<string, string>;
  /** Multi-word sensitive details the child has said (checked as each turn arrives). */
  phrases: Set<string>;
}

interface CacheEntry {
  length: number;
  vocab: ChildVocabulary;
}

const caches: Record<Language, WeakMap<readonly string[], CacheEntry>> = {
  en: new WeakMap(),
  es: new WeakMap(),
};

export function childVocabulary(childWords: readonly string[], lex: Lexicon): ChildVocabulary {
  const cache = caches[lex.language];
  let entry = cache.get(childWords);
  if (!entry || entry.length > childWords.length) {
    entry = { length: 0, vocab: { stems: new Map(), phrases: new Set() } };
    cache.set(childWords, entry);
  }
  for (let i = entry.length; i < childWords.length; i++)
    addWords(entry.vocab, childWords[i] ?? '', lex);
  entry.length = childWords.length;
  return entry.vocab;
}

function addWords(vocab: ChildVocabulary, text: string, lex: Lexicon): void {
  const norm = normalise(text);
  // Checked per turn rather than on a growing joined string, which would be re-flattened
  // (quadratic) on every question of a long interview.
  for (const phrase of lex.presumptivePhrases) if (norm.includes(phrase)) vocab.phrases.add(phrase);
  for (const w of words(norm)) {
    const s = stem(w, lex.language);
    if (!vocab.stems.has(s)) vocab.stems.set(s, surfaceOf(text, w));
  }
}

/** The word as the child wrote it (with accents), found by its folded form. */
function surfaceOf(original: string, folded: string): string {
  for (const token of original.split(/[\s,.;:!?¿¡"()]+/)) {
    if (normalise(token) === folded) return token;
  }
  return folded;
}

/** First sensitive detail (act, body part, weapon...) in the utterance that the child has not said. */
export function unsaidDetail(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): string | undefined {
  for (const w of words(norm)) {
    const s = stem(w, lex.language);
    if (lex.presumptiveStems.has(s) && !vocab.stems.has(s)) return w;
  }
  for (const phrase of lex.presumptivePhrases) {
    if (norm.includes(phrase) && !vocab.phrases.has(phrase)) return phrase;
  }
  return undefined;
}

/** First content word of the utterance that the child has used, in the child's own form. */
export function reusedChildWord(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): string | undefined {
  for (const w of words(norm)) {
    if (w.length < 3 || lex.stopwords.has(w)) continue;
    const surface = vocab.stems.get(stem(w, lex.language));
    if (surface !== undefined) return surface;
  }
  return undefined;
}
