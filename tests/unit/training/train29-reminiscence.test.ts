// train29 (issue #18: "reminiscence and harmless inconsistency across sessions"): the share of
// facts new in a second session, as Katz & Hershkowitz (2013) measured it in the field ("In the
// second interview, children reported 58% new forensically relevant details", Res Soc Work Pract
// 23(2):210-218, abstract). Hearth's unit (a scenario fact) is coarser than theirs (a detail), so
// the test checks the two directions their abstract reports, not the 58%: the increase was
// "especially marked for younger children and for children who provided poor narratives" in the
// first interview. bench/child.bench.ts prints the shares beside the 58% for bench/RESULTS.md.
import { secondSessionNewShare } from '../../../bench/child-effects';
import { CHILD_FIGURES } from '../../../src/training/research-figures';

const result = secondSessionNewShare(3);

test('a second session brings new facts, more of them at 4 than at 15', () => {
  const at = (age: number) => result.byAge.find((r) => r.age === age)!;
  const all = result.byAge.find((r) => r.age === 'all')!;
  process.stdout.write(
    `train29 share new in a second session: ${result.byAge
      .map((r) => `${r.age} ${(r.share * 100).toFixed(1)}%`)
      .join(', ')} (Katz & Hershkowitz 2013: 58%, details)\n`,
  );
  expect(all.n).toBeGreaterThan(100);
  expect(all.fresh).toBeGreaterThan(0);
  expect(at(4).share).toBeGreaterThan(at(15).share + 0.1);
  expect(at(7).share).toBeGreaterThan(at(11).share);
});

test('a poor first account leaves more to tell the second time than a fuller one', () => {
  expect(result.poorFirst.n).toBeGreaterThan(0);
  expect(result.fullerFirst.n).toBeGreaterThan(0);
  expect(result.poorFirst.share).toBeGreaterThan(result.fullerFirst.share + 0.2);
});

test('the 58% is named as a different quantity, and REMINISCENCE stays Hearth calibration', () => {
  const rem = CHILD_FIGURES.find((f) => f.name === 'REMINISCENCE')!;
  expect(rem.status).toBe('hearth');
  expect(rem.source).toContain('Katz & Hershkowitz 2013');
  expect(rem.source).toMatch(/not this per-fact probability/);
});
