// `npm run bench [-- NAME ...]`: runs the named benchmarks (all when none are named), prints a
// markdown table for each and writes bench/out/NAME.json.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toMarkdown, writeJson, type Bench, type BenchReport } from './harness';
import { writeResults } from './results-file';

async function main(): Promise<void> {
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const reports: BenchReport[] = [];
  for (const name of requested.length > 0 ? requested : available) {
    const mod = (await import(join(__dirname, `${name}.bench.ts`))) as { run: Bench };
    const report = await mod.run();
    reports.push(report);
    console.log(toMarkdown(report) + '\n');
    console.log(`(written to ${writeJson(report)})\n`);
  }
  // A full run (no names given) refreshes bench/RESULTS.md and bench/ratios.svg.
  if (requested.length === 0) {
    writeResults(reports);
    console.log('bench/RESULTS.md and bench/ratios.svg updated.');
  }
}

void main();
