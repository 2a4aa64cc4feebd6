// The reliability harness runs bounded in `npm test` and in full with `npm run test:reliability`
// (RELIABILITY_FULL=1). Counts are chosen so the bounded run stays well under a minute.
export const FULL = process.env.RELIABILITY_FULL === '1';

export const COUNTS = {
  kills: FULL ? 300 : 20,
  fuzzCases: FULL ? 10_000 : 1_500,
};

/** Prints a small table of figures for the run's log (these are reports, not assertions). */
export function report(title: string, rows: Record<string, string | number>): void {
  const lines = Object.entries(rows).map(([k, v]) => `  ${k.padEnd(28)} ${v}`);
  process.stdout.write(`\n[reliability] ${title}\n${lines.join('\n')}\n`);
}
