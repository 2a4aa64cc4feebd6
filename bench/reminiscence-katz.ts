// train32 (issue #18): reminiscence in the design Katz & Hershkowitz (2013) used, every age 4-15.
// Usage: npx tsx bench/reminiscence-katz.ts [seedsPerAge, default 20]. Prints a markdown table:
// per age, the share of facts and of detail units told in the second session that were new,
// beside the published 58% (abstract). See katzMatchedNewShare in bench/child-effects.ts.
import { katzMatchedNewShare, KATZ_SECOND_CLOSED } from './child-effects';

const arg = process.argv[2];
const seeds = arg === undefined ? 20 : Number(arg);
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 500) {
  console.error(
    `Seeds per age must be a whole number from 1 to 500 (got "${arg}"). Example: npx tsx bench/reminiscence-katz.ts 40`,
  );
  process.exit(2);
}
const ages = Array.from({ length: 12 }, (_, i) => i + 4);
const rows = katzMatchedNewShare(seeds, ages);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `First: open rapport, 5 invitations (free recall only). Second: the same, then ${KATZ_SECOND_CLOSED.map((q) => `"${q}"`).join(', ')}. ${seeds} seeds x 10 scenarios per age.\n`,
);
console.log(
  '| age | second sessions | facts told | new | share new facts | detail units | new | share new details |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.age} | ${r.n} | ${r.told} | ${r.fresh} | ${pct(r.share)} | ${r.details} | ${r.freshDetails} | ${pct(r.detailShare)} |`,
  );
console.log(
  '| Katz & Hershkowitz 2013 (abstract; 56 children, ages not in the abstract) | | | | | | | 58% |',
);
