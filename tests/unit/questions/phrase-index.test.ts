// The child's-turn index (src/questions/phrase-index.ts) may only skip turns that cannot contain
// a phrase: over generated turns and phrases (cut anywhere, across punctuation and person
// markers), "some candidate contains it" must equal "some turn contains it".
import { PhraseIndex } from '../../../src/questions/phrase-index';
import { containsPhrase } from '../../../src/questions/vocabulary';

const WORDS = [
  'he',
  'took',
  'my',
  'phone',
  "didn't",
  '1p-of',
  'room',
  'me',
  'llevó',
  'niño',
  'a',
  'it',
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('PhraseIndex', () => {
  it('finds a phrase in exactly the turns a full scan finds it in', () => {
    const random = seeded(16);
    const pick = (): string => WORDS[Math.floor(random() * WORDS.length)] ?? '';
    const turns = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, pick).join(random() < 0.2 ? ', ' : ' '),
    );
    const index = new PhraseIndex<string>();
    for (const t of turns) index.add(t, t);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const turn = turns[Math.floor(random() * turns.length)] ?? '';
      // A slice of a turn (may cut a word in half) or a phrase of random words.
      const a = Math.floor(random() * turn.length);
      const phrase =
        random() < 0.5 ? turn.slice(a, a + 1 + Math.floor(random() * 12)) : `${pick()} ${pick()}`;
      const full = turns.some((t) => containsPhrase(t, phrase));
      const fast = (index.candidates(phrase) ?? turns).some((t) => containsPhrase(t, phrase));
      expect({ phrase, fast }).toEqual({ phrase, fast: full });
      if (full) found++;
    }
    // The check is not vacuous: many phrases are found, many are not.
    expect(found).toBeGreaterThan(300);
    expect(found).toBeLessThan(2700);
  });

  it('lists a repeated turn once and has no candidate for an unknown word', () => {
    const index = new PhraseIndex<string>();
    index.add('he hit me', 'he hit me');
    index.add('he hit me', 'he hit me');
    expect(index.candidates('hit me')).toEqual(['he hit me']);
    expect(index.candidates('kicked me')).toEqual([]);
    expect(index.candidates('?!')).toBeUndefined();
  });
});
