// Question coach throughput of this tree against another checkout (e.g. main), in ONE process,
// rounds interleaved (A, B, A, B, ...) so that both see the same machine load. Prints a table.
// Usage: BENCH_COMPARE=/path/to/other/checkout npx tsx bench/questions-compare.ts
// Rates are utterances per CPU-second of this process (user + system), median of the rounds, over
// every labelled published line with 40 child turns as context, as the live coach passes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './harness';

type Classify = (text: string, language: 'en' | 'es', context?: object) => unknown;

const other = process.env.BENCH_COMPARE;
if (!other) {
  console.error('Set BENCH_COMPARE to the root of the checkout to compare with (e.g. /work/main).');
  process.exit(2);
}
const here = join(__dirname, '..');
const load = (root: string): Classify =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(root, 'src', 'questions')) as { classifyQuestion: Classify }).classifyQuestion;
const trees: Array<[string, Classify]> = [
  ['this tree', load(here)],
  [other, load(other)],
];

const dir = join(here, 'tests', 'fixtures', 'questions', 'published');
const CHILD = {
  en: ['he came in my room', 'it was at night', 'he hit me', 'my mom was at work', 'I was scared'],
  es: ['entró a mi cuarto', 'era de noche', 'me pegó', 'mi mamá estaba trabajando', 'tenía miedo'],
};

for (const language of ['en', 'es'] as const) {
  const texts = readdirSync(dir)
    .filter((f) => f.startsWith(`${language}.`) && f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const childWords = Array.from({ length: 8 }, () => CHILD[language]).flat();
  const context = { childWords };
  const rates = new Map<string, number[]>(trees.map(([name]) => [name, []]));
  for (const [, classify] of trees) for (const t of texts) classify(t, language, context); // warm-up
  for (let round = 0; round < 7; round++)
    for (const [name, classify] of trees) {
      const n = texts.length * 10;
      const start = process.cpuUsage();
      for (let i = 0; i < n; i++) classify(texts[i % texts.length] ?? '', language, context);
      const used = process.cpuUsage(start);
      rates.get(name)?.push(n / ((used.user + used.system) / 1e6));
    }
  console.log(
    `\n${language}: ${texts.length} utterances, ${childWords.length} child turns as context`,
  );
  console.log('| tree | utt/CPU-s (median of 7, interleaved) |');
  console.log('|---|---|');
  for (const [name] of trees)
    console.log(
      `| ${name} | ${Math.round(median(rates.get(name) ?? [])).toLocaleString('en-US')} |`,
    );
}
