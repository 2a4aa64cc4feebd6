// The whole-word pre-check (src/questions/word-gate.ts) may only save time: it says "cannot
// match" only where the pattern indeed does not match. Checked for every pattern of both
// lexicons on every labelled line, spans of it and the words of it joined in other ways; and on
// small patterns whose word boundaries are easy to get wrong.
import { execGated } from '../../../src/questions/gate';
import { lexiconFor, type Lexicon } from '../../../src/questions/lexicon';
import { normalise } from '../../../src/questions/text';
import { hasWordGate, requiredWords, wordGatePasses } from '../../../src/questions/word-gate';
import type { Language } from '../../../src/questions';
import { labelledLines } from './equivalence-corpus';

function patternsOf(lex: Lexicon): Array<[string, RegExp]> {
  const out: Array<[string, RegExp]> = [];
  for (const [key, value] of Object.entries(lex))
    if (value instanceof RegExp) out.push([key, new RegExp(value.source, value.flags)]);
  for (const [key, re] of lex.techniques) out.push([`techniques.${key}`, re]);
  return out;
}

function textsOf(language: Language): string[] {
  const lines = labelledLines()
    .filter((l) => l.language === language)
    .map((l) => normalise(l.text));
  // Matches that start mid-utterance, and words run together or split by punctuation, so that a
  // wrongly assumed boundary would show.
  return [
    ...lines,
    ...lines.map((l) => l.slice(Math.floor(l.length / 2))),
    ...lines.map((l) => l.replace(/ /g, ', ')),
    ...lines.map((l) => l.replace(/ (\w)/, '$1')),
  ];
}

describe('whole-word pre-check (word-gate.ts)', () => {
  it.each(['en', 'es'] as const)(
    'never rules out a line that a %s lexicon pattern matches, and rules most lines out',
    (language) => {
      const texts = textsOf(language);
      let gated = 0;
      let matches = 0;
      let ruledOut = 0;
      for (const [name, pattern] of patternsOf(lexiconFor(language))) {
        if (!hasWordGate(pattern)) continue;
        gated++;
        for (const text of texts) {
          pattern.lastIndex = 0;
          const own = pattern.exec(text);
          pattern.lastIndex = 0;
          const passes = wordGatePasses(pattern, text);
          if (own && passes === false)
            throw new Error(`${name} matches ${JSON.stringify(text)} but the gate ruled it out`);
          if (own) matches++;
          if (passes === false) ruledOut++;
          // The gated exec gives the pattern's own answer.
          const viaGate = execGated(pattern, text);
          if (JSON.stringify([own, own?.index]) !== JSON.stringify([viaGate, viaGate?.index]))
            throw new Error(`${name}: execGated differs on ${JSON.stringify(text)}`);
        }
      }
      // It ran on real patterns and real matches, and it does rule lines out.
      expect(gated).toBeGreaterThan(30);
      expect(matches).toBeGreaterThan(1000);
      expect(ruledOut).toBeGreaterThan(matches);
    },
  );

  it('counts a literal as a whole word only where the pattern forces a boundary on both sides', () => {
    // \b on both sides, optional letters spelled out.
    expect(requiredWords(/\bpictures? of you\b/)).toEqual([
      [['picture', 'pictures'], ['of'], ['you']],
    ]);
    // No boundary after "tell": "telling" matches, so "tell" is no word of the match.
    expect(wordGatePasses(/\byou tell/, 'you telling me')).not.toBe(false);
    expect(/\byou tell/.test('you telling me')).toBe(true);
    // No boundary before "hit": "unhit" holds it mid-word.
    expect(/hit me\b/.test('unhit me')).toBe(true);
    expect(wordGatePasses(/hit me\b/, 'unhit me')).not.toBe(false);
    // An optional space before a word: the word may be glued to the one before.
    expect(/\bdad ?said\b/.test('dadsaid')).toBe(true);
    expect(wordGatePasses(/\bdad ?said\b/, 'dadsaid')).not.toBe(false);
    // An apostrophe is no word character: "can't" is the words "can" and "t".
    expect(wordGatePasses(/\bcan't go\b/, "you can't go")).toBe(true);
    expect(wordGatePasses(/\bcan't go\b/, 'you cant go')).toBe(false);
    // Every branch needs its words; a line with none of any branch's is out.
    expect(wordGatePasses(/\buntil you tell\b|\bbig girl\b/, 'tell me about your day')).toBe(false);
    expect(wordGatePasses(/\buntil you tell\b|\bbig girl\b/, 'what a big girl')).toBe(true);
    // A repeated group: nothing is assumed after its first round.
    expect(/\b(?:ab)+c\b/.test('ababc')).toBe(true);
    expect(wordGatePasses(/\b(?:ab)+c\b/, 'ababc')).not.toBe(false);
    // Flags that change what the atoms mean: no gate.
    expect(hasWordGate(/\btell me\b/i)).toBe(false);
    // A branch with no whole word: no gate (the literal pre-check may still apply).
    expect(hasWordGate(/\btell me\b|\w+ing/)).toBe(false);
  });
});
