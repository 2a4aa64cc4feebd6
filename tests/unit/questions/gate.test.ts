// The literal pre-check in front of the coach's costliest patterns (src/questions/gate.ts) may
// only save time: for every pattern of both lexicons and every labelled line (and spans of it),
// the gated match is the pattern's own match, and every match holds one of the derived literals.
import { execGated, requiredLiterals, testGated, trieSource } from '../../../src/questions/gate';
import { lexiconFor, type Lexicon } from '../../../src/questions/lexicon';
import { normalise } from '../../../src/questions/text';
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
  // The second half of each line too: matches that start mid-utterance.
  return [...lines, ...lines.map((l) => l.slice(Math.floor(l.length / 2)))];
}

describe('literal pre-check (gate.ts)', () => {
  it.each(['en', 'es'] as const)(
    'gives every %s lexicon pattern its own answer on every labelled line',
    (language) => {
      const texts = textsOf(language);
      let gatedPatterns = 0;
      let matches = 0;
      for (const [name, pattern] of patternsOf(lexiconFor(language))) {
        const literals = requiredLiterals(pattern);
        if (literals) gatedPatterns++;
        for (const text of texts) {
          pattern.lastIndex = 0;
          const own = pattern.exec(text);
          pattern.lastIndex = 0;
          const gated = execGated(pattern, text);
          if (JSON.stringify([own, own?.index]) !== JSON.stringify([gated, gated?.index]))
            throw new Error(`${name} differs on ${JSON.stringify(text)}`);
          if (own && literals && !literals.some((l) => own[0].includes(l)))
            throw new Error(`${name} matched ${JSON.stringify(own[0])} without a literal`);
          if (own) matches++;
        }
      }
      // The check ran on real patterns and real matches, not on an empty set.
      expect(gatedPatterns).toBeGreaterThan(10);
      expect(matches).toBeGreaterThan(1000);
    },
  );

  it('derives literals that every match holds', () => {
    expect(requiredLiterals(/\byou('d| had)? better (not )?(tell|say)\b/)).toEqual([' better ']);
    expect(new Set(requiredLiterals(/\b(play|act)(ing)? (dumb|stupid)\b/))).toEqual(
      new Set(['dumb', 'stupid']),
    );
    // An optional class may consume a character: "ab cd" matches, so "abcd" is not required.
    const spaced = /\bfoo\s?barbaz/;
    expect(requiredLiterals(spaced)).toEqual(['barbaz']);
    expect(testGated(spaced, 'a foo barbaz')).toBe(true);
  });

  it('gives no gate where it cannot know', () => {
    expect(requiredLiterals(/tell me/i)).toBeUndefined(); // case-insensitive
    expect(requiredLiterals(/^tell me|^show me/)).toBeUndefined(); // anchored: cheap already
    expect(requiredLiterals(/(?<who>he|she) hit/)).toBeUndefined(); // named group: not read
    expect(requiredLiterals(/\p{L}+ hit/u)).toBeUndefined(); // property escape: not read
    expect(requiredLiterals(/\w+ (?:a|bc)/)).toBeUndefined(); // literals too short
    expect(requiredLiterals(/\bfoo|\w+/)).toBeUndefined(); // a branch with no literal
  });

  it('writes the literals as a trie that finds exactly what the flat list finds', () => {
    // Shared prefixes, a literal that is a prefix of another, and characters a pattern must escape.
    const literals = ['told ', 'took', 'to ', 'said ', 'saw', 'm sure ', 'a.b', '(x)', 'to'];
    const trie = new RegExp(trieSource(literals));
    expect(trie.source).toContain('(?:');
    const probes = [
      'he told me',
      'they took it',
      'go to bed',
      'i saw',
      "i'm sure ",
      'a.b',
      'axb',
      'f(x)',
      'fx',
      'tomato',
      'sai',
      'nothing',
      '',
    ];
    for (const text of probes)
      expect([text, trie.test(text)]).toEqual([text, literals.some((l) => text.includes(l))]);
    for (const language of ['en', 'es'] as const)
      for (const [name, pattern] of patternsOf(lexiconFor(language))) {
        const set = requiredLiterals(pattern);
        if (!set) continue;
        const gate = new RegExp(trieSource(set));
        for (const text of textsOf(language))
          if (gate.test(text) !== set.some((l) => text.includes(l)))
            throw new Error(`${name}: the trie differs on ${JSON.stringify(text)}`);
      }
  });

  it('leaves a global pattern where a failed match would', () => {
    const pattern = /\bsecret\b/g;
    pattern.lastIndex = 5;
    expect(execGated(pattern, 'nothing here at all')).toBeNull();
    expect(pattern.lastIndex).toBe(0);
    expect(execGated(pattern, 'a secret and a secret')?.index).toBe(2);
    expect(pattern.lastIndex).toBe(8);
  });
});
