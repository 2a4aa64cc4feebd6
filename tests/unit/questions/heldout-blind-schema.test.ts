// Shape of the sets written blind to the coach (tests/fixtures/questions/published/*.heldout3.jsonl
// and *.heldout4.jsonl; HELDOUT3.md, HELDOUT4.md). This test reads the files only: it never runs
// the coach, so a new set stays blind until the lead's one run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'questions', 'published');
const TYPES = [
  'invitation',
  'cued-invitation',
  'directive',
  'option-posing',
  'suggestive',
  'facilitator',
  'other',
];
const PROVENANCE = ['quoted', 'adapted', 'constructed'];
const KEYS = [
  'text',
  'type',
  'child',
  'source',
  'provenance',
  'subtype',
  'issueLabel',
  'ambiguous',
  'note',
  'pair',
];

interface Line {
  text: string;
  type: string;
  child?: unknown;
  source: string;
  provenance: string;
  subtype: string;
  issueLabel?: string;
  ambiguous?: boolean;
  note?: string;
  pair?: string;
}

function load(file: string): Line[] {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Line);
}

/** Every utterance of the published sets written before `split`, lower-cased. */
const ORDER = ['tune', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5'];
function otherSetTexts(split: string): Set<string> {
  // Only the sets that existed when `split` was written: a later set may repeat a canonical line.
  const earlier = ORDER.slice(0, ORDER.indexOf(split));
  return new Set(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.jsonl') && earlier.some((e) => f.endsWith(`.${e}.jsonl`)))
      .flatMap((f) => load(f).map((l) => l.text.trim().toLowerCase())),
  );
}

const SETS = ['heldout3', 'heldout4'].flatMap((split) =>
  ['en', 'es'].map((language) => [split, language] as const),
);

describe.each(SETS)('%s set (%s)', (split, language) => {
  const lines = load(`${language}.${split}.jsonl`);
  const earlierTexts = otherSetTexts(split);

  it('has about 80 lines and every label of the typology', () => {
    expect(lines.length).toBeGreaterThanOrEqual(75);
    for (const t of TYPES)
      expect(lines.filter((l) => l.type === t).length).toBeGreaterThanOrEqual(5);
  });

  it.each(lines.map((l, i) => [i + 1, l] as const))('line %i is well formed', (_n, l) => {
    expect(Object.keys(l).filter((k) => !KEYS.includes(k))).toEqual([]);
    expect(l.text.trim().length).toBeGreaterThan(0);
    expect(TYPES).toContain(l.type);
    expect(PROVENANCE).toContain(l.provenance);
    expect(l.source.length).toBeGreaterThan(10);
    expect(l.subtype.length).toBeGreaterThan(0);
    if (l.child !== undefined) {
      expect(Array.isArray(l.child)).toBe(true);
      for (const w of l.child as unknown[]) expect(typeof w).toBe('string');
    }
    if (l.issueLabel !== undefined) {
      expect(TYPES).toContain(l.issueLabel);
      expect(l.issueLabel).not.toBe(l.type);
    }
    if (l.ambiguous) expect((l.note ?? '').length).toBeGreaterThan(0);
  });

  it('repeats no utterance of the earlier published sets', () => {
    expect(
      lines.filter((l) => earlierTexts.has(l.text.trim().toLowerCase())).map((l) => l.text),
    ).toEqual([]);
  });

  it('has context pairs: same words, different child context, different label', () => {
    const pairs = new Map<string, Line[]>();
    for (const l of lines) if (l.pair) pairs.set(l.pair, [...(pairs.get(l.pair) ?? []), l]);
    expect(pairs.size).toBeGreaterThanOrEqual(5);
    for (const [, [a, b, ...rest]] of pairs) {
      expect(rest).toEqual([]);
      expect(a && b).toBeTruthy();
      if (!a || !b) continue;
      expect(JSON.stringify(a.child)).not.toBe(JSON.stringify(b.child));
      expect(a.type).not.toBe(b.type);
    }
  });
});

describe.each(['heldout3', 'heldout4'])(
  '%s Spanish is es-419 and not a rendering of the English set',
  (split) => {
    const es = load(`es.${split}.jsonl`);
    const en = load(`en.${split}.jsonl`);

    it('uses no Spain-only forms', () => {
      // \b is ASCII-only in JS ("niños" would match "os"): use letter lookarounds under /u.
      const spainOnly =
        /(?<!\p{L})(vosotros|vosotras|os|vale|coche|móvil|ordenador|zumo|tirita|cole|tarta|euros|habéis|tenéis|sois|estáis)(?!\p{L})/iu;
      const words = es.flatMap((l) => [l.text, ...((l.child as string[] | undefined) ?? [])]);
      expect(words.filter((w) => spainOnly.test(w))).toEqual([]);
    });

    it('shares no child context with the English set', () => {
      expect(es.length).not.toBe(0);
      const enContexts = new Set(en.map((l) => JSON.stringify(l.child ?? null)));
      expect(es.filter((l) => l.child && enContexts.has(JSON.stringify(l.child)))).toEqual([]);
    });
  },
);
