// The question coach of this tree against another checkout (e.g. main), in ONE process: every
// labelled utterance under tests/fixtures/questions (all sets, en and es) is coded by both, with
// no context, with its own child words (where the line gives them) and with 40 child turns, and
// the outputs are compared field by field; then throughput with 40 child turns, rounds interleaved
// (A, B, A, B, ...) so that both see the same machine load. Prints the differing codings and a
// table. A change meant to be behaviour-neutral (a speed-up) must print "0 differ".
// Usage: BENCH_COMPARE=/path/to/other/checkout npx tsx bench/questions-differential.ts [--list]
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { loadCorpus } from '../tests/unit/questions/corpus';
import { median } from './harness';

type Classify = (text: string, language: 'en' | 'es', context?: object) => unknown;

const other = process.env.BENCH_COMPARE;
if (!other) {
  console.error('Set BENCH_COMPARE to the root of the checkout to compare with (e.g. /work/main).');
  process.exit(2);
}
const load = (root: string): Classify =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(root, 'src', 'questions')) as { classifyQuestion: Classify }).classifyQuestion;
const here = load(join(__dirname, '..'));
const there = load(other);

const CHILD = {
  en: ['he came in my room', 'it was at night', 'he hit me', 'my mom was at work', 'I was scared'],
  es: ['entró a mi cuarto', 'era de noche', 'me pegó', 'mi mamá estaba trabajando', 'tenía miedo'],
};
const forty = (language: 'en' | 'es') => Array.from({ length: 8 }, () => CHILD[language]).flat();

const items = loadCorpus();
let codings = 0;
const differ: string[] = [];
for (const it of items) {
  const contexts: Array<[string, object | undefined]> = [
    ['none', undefined],
    ['40 turns', { childWords: forty(it.language) }],
  ];
  if (it.child) contexts.push(['own', { childWords: it.child }]);
  for (const [name, context] of contexts) {
    codings++;
    const a = JSON.stringify(there(it.text, it.language, context));
    const b = JSON.stringify(here(it.text, it.language, context));
    if (a !== b) differ.push(`${it.file} [${name}] ${it.text}\n  other: ${a}\n  this:  ${b}`);
  }
}
console.log(`${items.length} utterances, ${codings} codings: ${differ.length} differ`);
if (process.argv.includes('--list')) for (const d of differ) console.log(d);

console.log(`\nload average at start: ${loadavg()[0]?.toFixed(1)}`);
console.log('| language | other tree (utt/CPU-s) | this tree (utt/CPU-s) | rounds |');
console.log('|---|--:|--:|--:|');
for (const language of ['en', 'es'] as const) {
  const texts = items.filter((i) => i.language === language).map((i) => i.text);
  const context = { childWords: forty(language) };
  const rates: Record<'other' | 'this', number[]> = { other: [], this: [] };
  for (const t of texts) {
    here(t, language, context); // warm-up
    there(t, language, context);
  }
  for (let round = 0; round < 7; round++)
    for (const [name, classify] of [
      ['other', there],
      ['this', here],
    ] as const) {
      const start = process.cpuUsage();
      for (const t of texts) classify(t, language, context);
      const used = process.cpuUsage(start);
      rates[name].push(texts.length / ((used.user + used.system) / 1e6));
    }
  const f = (r: number[]) => Math.round(median(r)).toLocaleString('en-US');
  console.log(`| ${language} | ${f(rates.other)} | ${f(rates.this)} | 7 |`);
}
