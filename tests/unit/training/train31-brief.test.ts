// train31 (issue #18: reminiscence across sessions at a rate near the research): a fact's first
// telling in free recall may be brief (Fact.brief, research.ts BRIEF_FIRST_TELLING), and the rest
// of its detail comes when the fact is cued, when free recall has nothing new left, or in a later
// session. Katz & Hershkowitz (2013, Res Soc Work Pract 23(2):210-218, abstract): "In the second
// interview, children reported 58% new forensically relevant details", more for younger children
// and for children whose first narratives were poor. bench/child.bench.ts prints the same
// measure with more seeds for bench/RESULTS.md ("train31").
import { katzMatchedNewShare, secondSessionNewShare } from '../../../bench/child-effects';
import {
  builtInScenario,
  builtInScenarios,
  simulate,
  type PracticeTurn,
} from '../../../src/training';
import { validateScenario } from '../../../src/training/validate';
import { wordTools } from '../../../src/training/words';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

test.each(['en', 'es'] as const)(
  '%s: about 33 facts have a brief form of their own words',
  (lang) => {
    const scenarios = builtInScenarios(lang);
    const briefs = scenarios.flatMap((s) => s.facts.filter((f) => f.brief !== undefined));
    expect(briefs.length).toBe(33);
    const t = wordTools(lang);
    for (const sc of scenarios) {
      expect(() => validateScenario(sc)).not.toThrow();
      for (const f of sc.facts) {
        if (f.brief === undefined) continue;
        expect(f.retold).toBeUndefined();
        expect(f.brief.length).toBeLessThan(f.text.length);
        const own = t.stemsOf([f.text]);
        expect([f.id, [...t.stemsOf([f.brief])].filter((s) => !own.has(s))]).toEqual([f.id, []]);
        // At least one of the fact's keywords is still in the brief telling (cues reach it).
        const brief = f.brief.toLowerCase();
        expect([f.id, f.keywords.some((k) => brief.includes(k.toLowerCase()))]).toEqual([
          f.id,
          true,
        ]);
      }
    }
  },
);

test('a brief form with a word the fact does not hold is refused, naming the field', () => {
  const sc = builtInScenario('dog-bite', 'en')!;
  const facts = sc.facts.map((f) => (f.id === 'color' ? { ...f, brief: 'The dog was black.' } : f));
  expect(() => validateScenario({ ...sc, facts })).toThrow(/facts\.4\.brief: uses a word/);
});

test('a brief first telling is filled in when the fact is cued, and told in full in a second session', () => {
  let brief = 0;
  let filled = 0;
  let fuller = 0;
  // stolen-bike at 11: "I left my bike outside the library." (brief "I left my bike outside."),
  // the second fact, told to the first invitation.
  for (let seed = 1; seed <= 60; seed++) {
    const sc = { ...builtInScenario('stolen-bike', 'en')!, reluctance: 0 };
    const first = [S('Tell me everything that happened.')];
    const one = simulate(sc, seed, first);
    const said = one.replies[0]!.answer;
    if (!one.briefOnly?.has('library')) continue;
    brief++;
    expect(said).toContain('I left my bike outside.');
    expect(said).not.toContain('library');
    const cued = simulate(sc, seed, [...first, S('Tell me more about leaving your bike outside.')]);
    if (/outside the library/.test(cued.replies[1]!.answer)) filled++;
    expect(cued.briefOnly?.has('library')).toBe(false);
    const again = simulate(sc, seed, first, [first]);
    if (/outside the library/.test(again.replies[0]!.answer)) fuller++;
  }
  process.stdout.write(
    `train31 brief "library" at 11: ${brief}/60 first tellings brief; filled in when cued ${filled}, fuller in session 2 ${fuller}\n`,
  );
  expect(brief).toBeGreaterThan(20);
  expect(filled).toBe(brief);
  expect(fuller).toBe(brief);
});

test('new details in a second session: near 58% after a poor first interview, more at 4 than 15', () => {
  const r = secondSessionNewShare(3);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (label: string, rows: typeof r.byAge) =>
    `${label}: ${rows.map((x) => `${x.age} ${pct(x.detailShare)}`).join(', ')}`;
  process.stdout.write(
    `train31 share of new details in a second session (detail units), ${line('good first interview', r.byAge)}; ${line('poor first interview', r.poorInterview)} (Katz & Hershkowitz 2013: 58%)\n`,
  );
  const at = (rows: typeof r.byAge, age: number | 'all') => rows.find((x) => x.age === age)!;
  const good = at(r.byAge, 'all');
  const poor = at(r.poorInterview, 'all');
  expect(good.n).toBeGreaterThan(100);
  // Brief first tellings add new details beyond new facts.
  expect(good.detailShare).toBeGreaterThan(good.share);
  // A poorer first interview leaves more new details for the second.
  expect(poor.detailShare).toBeGreaterThan(good.detailShare + 0.2);
  // train32: this poor first interview is NOT Katz & Hershkowitz's design (theirs was free recall
  // only); the closeness is kept as a regression check of the brief tellings, not as a match.
  expect(Math.abs(poor.detailShare - 0.58)).toBeLessThan(0.1);
  for (const rows of [r.byAge, r.poorInterview])
    expect(at(rows, 4).detailShare).toBeGreaterThan(at(rows, 15).detailShare + 0.1);
});

test("train32: Katz & Hershkowitz's own design (free-recall first, then free recall and closed questions), printed by age", () => {
  // Their Method (abstract): "a first free-recall interview that was followed by a second
  // interview composed of a repeated free-recall phase that was then followed by closed
  // questions". Hearth stays well under their 58% there (bench/RESULTS.md "train32"); the test
  // holds the directions the abstract gives: more for younger children, and a poorer first
  // interview (train31's) leaves more than a free-recall one.
  const rows = katzMatchedNewShare(3, [4, 7, 11, 15]);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    `train32 Katz design, share of new details: ${rows.map((x) => `${x.age} ${pct(x.detailShare)}`).join(', ')} (published 58%)\n`,
  );
  const at = (age: number | 'all') => rows.find((x) => x.age === age)!;
  expect(at('all').n).toBe(120);
  expect(at(4).detailShare).toBeGreaterThan(at(15).detailShare + 0.2);
  const poor = secondSessionNewShare(3).poorInterview.find((x) => x.age === 'all')!;
  expect(poor.detailShare).toBeGreaterThan(at('all').detailShare + 0.2);
});
