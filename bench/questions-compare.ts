// Question coach throughput of this tree against another checkout (e.g. main), in ONE process,
// rounds interleaved (A, B, A, B, ...) so that both see the same machine load. Prints a table.
// Usage: BENCH_COMPARE=/path/to/other/checkout npx tsx bench/questions-compare.ts
// Rates are utterances per CPU-second of this process (user + system), median of the rounds, over
// every labelled published line with 40 child turns as context, as the live coach passes them,
// and the same lines without context.
// Transcript coding (analyseSequence) is CPU milliseconds for 2,000 interviewer utterances and
// 2,000 child turns: once with the child turns of questions.bench.ts (five sentences repeated),
// once with every child turn distinct, as in a real interview.
import { loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './harness';

type Classify = (text: string, language: 'en' | 'es', context?: object) => unknown;
interface TurnIn {
  speaker: 'interviewer' | 'child';
  text: string;
  startMs: number;
}
type Sequence = (turns: readonly TurnIn[], options: { language: 'en' | 'es' }) => unknown;
interface Tree {
  classify: Classify;
  sequence: Sequence;
}

const other = process.env.BENCH_COMPARE;
if (!other) {
  console.error('Set BENCH_COMPARE to the root of the checkout to compare with (e.g. /work/main).');
  process.exit(2);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const here = join(__dirname, '..');
const load = (root: string): Tree => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const q = require(join(root, 'src', 'questions')) as {
    classifyQuestion: Classify;
    analyseSequence: Sequence;
  };
  return { classify: q.classifyQuestion, sequence: q.analyseSequence };
};
const trees: Array<[string, Tree]> = [
  ['this tree', load(here)],
  [other, load(other)],
];

const dir = join(here, 'tests', 'fixtures', 'questions', 'published');
const CHILD = {
  en: ['he came in my room', 'it was at night', 'he hit me', 'my mom was at work', 'I was scared'],
  es: ['entró a mi cuarto', 'era de noche', 'me pegó', 'mi mamá estaba trabajando', 'tenía miedo'],
};
// The child turns of questions.bench.ts's synthetic transcript.
const TRANSCRIPT_CHILD = {
  en: [
    'He came in my room.',
    "I don't know.",
    'We were at the park.',
    'Yes.',
    'He said it was a secret.',
  ],
  es: [
    'Entró a mi cuarto.',
    'No sé.',
    'Estábamos en el parque.',
    'Sí.',
    'Me dijo que era secreto.',
  ],
};

const cpuMs = (fn: () => void): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
};

function transcript(texts: readonly string[], child: readonly string[], distinct: boolean) {
  const turns: TurnIn[] = [];
  for (let i = 0; i < 4000; i++) {
    const speaker = i % 2 === 0 ? 'interviewer' : 'child';
    const said = child[i % child.length] ?? '';
    const text =
      speaker === 'interviewer'
        ? (texts[(i * 7) % texts.length] ?? '')
        : distinct
          ? `${said.replace(/[.]$/, '')} ${i}.`
          : said;
    turns.push({ speaker, text, startMs: i * 4000 });
  }
  return turns;
}

const print = (title: string, unit: string, values: Map<string, number[]>, digits = 0): void => {
  console.log(`\n${title}`);
  console.log(`| tree | ${unit} (median of ${rounds}, interleaved) |`);
  console.log('|---|---|');
  for (const [name, v] of values)
    console.log(
      `| ${name} | ${median(v).toLocaleString('en-US', { maximumFractionDigits: digits })} |`,
    );
  const [a, b] = [...values.values()].map((v) => median(v));
  if (a && b) console.log(`ratio this/other: ${(a / b).toFixed(2)}`);
};

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const language of ['en', 'es'] as const) {
  const texts = readdirSync(dir)
    .filter((f) => f.startsWith(`${language}.`) && f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const childWords = Array.from({ length: 8 }, () => CHILD[language]).flat();
  const context = { childWords };
  const rates = new Map<string, number[]>(trees.map(([name]) => [name, []]));
  const bareRates = new Map<string, number[]>(trees.map(([name]) => [name, []]));
  const repeated = transcript(texts, TRANSCRIPT_CHILD[language], false);
  const distinct = transcript(texts, TRANSCRIPT_CHILD[language], true);
  const seqRepeated = new Map<string, number[]>(trees.map(([name]) => [name, []]));
  const seqDistinct = new Map<string, number[]>(trees.map(([name]) => [name, []]));
  for (const [, tree] of trees) {
    for (const t of texts) tree.classify(t, language, context); // warm-up
    tree.sequence(repeated, { language });
  }
  for (let round = 0; round < rounds; round++)
    for (const [name, tree] of trees) {
      const n = texts.length * 10;
      const ms = cpuMs(() => {
        for (let i = 0; i < n; i++) tree.classify(texts[i % texts.length] ?? '', language, context);
      });
      rates.get(name)?.push(n / (ms / 1e3));
      const bareMs = cpuMs(() => {
        for (let i = 0; i < n; i++) tree.classify(texts[i % texts.length] ?? '', language);
      });
      bareRates.get(name)?.push(n / (bareMs / 1e3));
      seqRepeated.get(name)?.push(cpuMs(() => tree.sequence(repeated, { language })));
      seqDistinct.get(name)?.push(cpuMs(() => tree.sequence(distinct, { language })));
    }
  const head = `${language}: ${texts.length} utterances, ${childWords.length} child turns as context`;
  print(head, 'utt/CPU-s', rates);
  print(`${language}: ${texts.length} utterances, no context`, 'utt/CPU-s', bareRates);
  print(
    `${language}: code a 2,000-utterance transcript, child turns repeated`,
    'CPU ms',
    seqRepeated,
  );
  print(
    `${language}: code a 2,000-utterance transcript, child turns distinct`,
    'CPU ms',
    seqDistinct,
  );
}
console.log(
  `\nload average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
