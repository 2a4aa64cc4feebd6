// `npm run bench [-- NAME ... [--OPTION VALUE ...]]`: runs the named benchmarks (all when none
// are named), prints a markdown table for each and writes bench/out/NAME.json. Options reach the
// benchmarks as environment variables: `--sizes 1250,5000` sets BENCH_SIZES (see OPTIONS).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toMarkdown, writeJson, type Bench, type BenchReport } from './harness';
import { writeResults } from './results-file';

/** Command-line options and the variable each sets (read by the benchmark named beside it). */
const OPTIONS: Record<string, string> = {
  '--sizes': 'BENCH_SIZES', // scale: sessions per vault, e.g. 1250,5000,20000
  '--check-up-to': 'BENCH_CHECK_UP_TO', // scale: vault.check only up to this many sessions
  '--cache': 'BENCH_CACHE', // scale: the folder built vaults are kept in (bench/.cache/scale)
};

/** Splits the arguments into benchmark names and options (set as environment variables). */
function parseArgs(args: string[]): string[] | undefined {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      names.push(arg);
      continue;
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const variable = OPTIONS[flag];
    const value = inline ?? args[++i];
    if (!variable || value === undefined || value.startsWith('--')) {
      console.error(
        `${variable ? `${flag} needs a value` : `Unknown option ${flag}`}. Options: ${Object.keys(OPTIONS).join(', ')}. Example: npm run bench -- scale --sizes 1250,5000`,
      );
      return undefined;
    }
    process.env[variable] = value;
  }
  return names;
}

/** Benchmarks too long for a plain run: each runs only when named. */
const BY_NAME_ONLY = ['scale'];

async function main(): Promise<void> {
  const requested = parseArgs(process.argv.slice(2));
  if (!requested) {
    process.exitCode = 2;
    return;
  }
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
  const unknown = requested.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const reports: BenchReport[] = [];
  // The scale bench builds vaults of up to 20,000 sessions (hours on a fresh cache): it runs only
  // when named, so a plain `npm run bench` stays a few minutes.
  const defaults = available.filter((n) => !BY_NAME_ONLY.includes(n));
  if (requested.length === 0)
    console.log(
      `Not run unless named: ${BY_NAME_ONLY.join(', ')} (npm run bench -- scale --sizes 1250,5000).\n`,
    );
  for (const name of requested.length > 0 ? requested : defaults) {
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
