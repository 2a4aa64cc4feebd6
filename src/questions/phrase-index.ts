// Which of the child's turns may contain a phrase, without trying every turn (issue #16:
// coding a 2,000-utterance transcript in under 100 ms). A phrase occurs in a text as whole words
// (containsPhrase) only where each of its words, a run of letters and digits, is a whole word of
// that text too: a run inside the phrase is bounded by the phrase's own non-letters, and a run at
// either end by the non-letter (or text edge) that containsPhrase requires beside the match. So
// only the texts that hold the phrase's rarest word can hold the phrase, and the caller still
// tests each of them with containsPhrase: the answer is the full scan's answer. A text repeated
// (the child says "yes" fifty times) is listed once, since it answers the same every time.
// Hearth's own code.

/** The word characters of containsPhrase (vocabulary.ts), in runs. */
const WORD = /[a-z0-9ñü]+/g;
const NONE: readonly never[] = [];

/** Items (turns) listed by the words of their text, each distinct key once. */
export class PhraseIndex<T> {
  private readonly byWord = new Map<string, T[]>();
  private readonly seen = new Set<string>();

  /** Lists `item` under every word of `text`, unless an item with the same key was listed. */
  add(text: string, item: T, key: string = text): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    for (const w of new Set(text.match(WORD))) {
      const list = this.byWord.get(w);
      if (list) list.push(item);
      else this.byWord.set(w, [item]);
    }
  }

  /**
   * The listed items whose text may contain `phrase` as whole words (those holding its rarest
   * word), or undefined when the phrase has no word at all: the caller then tries every item.
   */
  candidates(phrase: string): readonly T[] | undefined {
    const ws = phrase.match(WORD);
    if (!ws) return undefined;
    let best: readonly T[] | undefined;
    for (const w of ws) {
      const list = this.byWord.get(w);
      if (!list) return NONE;
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }
}
