// Question-type coach: accuracy per type with a confusion matrix (per language and split), and
// speed (utterances per second; coding a 2,000-utterance transcript with the sequence rules).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyseSequence,
  classifyQuestion,
  QUESTION_TYPES,
  type Language,
  type QuestionType,
  type Turn,
} from '../src/questions';
import { median, type BenchReport, type BenchRow } from './harness';

interface Labelled {
  text: string;
  type: QuestionType;
}

const SPLITS = ['tuned', 'dev', 'heldout'] as const;
const TARGETS: Record<Language, { accuracy: number; flagged: number }> = {
  en: { accuracy: 92, flagged: 97 },
  es: { accuracy: 90, flagged: 95 },
};

function load(language: Language, split: string): Labelled[] {
  const file = join(
    __dirname,
    '..',
    'tests',
    'fixtures',
    'questions',
    `${language}.${split}.jsonl`,
  );
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

const top = (t: QuestionType): QuestionType => (t === 'cued-invitation' ? 'invitation' : t);

function evaluate(set: readonly Labelled[], language: Language) {
  const confusion = new Map<string, number>();
  let correct = 0;
  let risky = 0;
  let flagged = 0;
  const perType = new Map<QuestionType, { n: number; ok: number }>();
  for (const item of set) {
    const c = classifyQuestion(item.text, language);
    const key = `${item.type}|${c.type}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    const stat = perType.get(item.type) ?? { n: 0, ok: 0 };
    stat.n++;
    if (top(c.type) === top(item.type)) {
      correct++;
      stat.ok++;
    }
    perType.set(item.type, stat);
    if (item.type === 'option-posing' || item.type === 'suggestive') {
      risky++;
      if (!c.recommended) flagged++;
    }
  }
  return {
    accuracy: (100 * correct) / set.length,
    flagged: (100 * flagged) / risky,
    perType,
    confusion,
    n: set.length,
  };
}

function confusionMarkdown(title: string, confusion: Map<string, number>): string {
  const short: Record<QuestionType, string> = {
    invitation: 'inv',
    'cued-invitation': 'cued',
    facilitator: 'fac',
    directive: 'dir',
    'option-posing': 'opt',
    suggestive: 'sug',
    other: 'oth',
  };
  const lines = [
    `#### ${title} (rows: label, columns: classifier)`,
    '',
    `| label \\ coded | ${QUESTION_TYPES.map((t) => short[t]).join(' | ')} |`,
    `|---|${QUESTION_TYPES.map(() => '---:').join('|')}|`,
  ];
  for (const label of QUESTION_TYPES) {
    lines.push(
      `| ${label} | ${QUESTION_TYPES.map((c) => String(confusion.get(`${label}|${c}`) ?? 0)).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** A synthetic interview of the given length, alternating interviewer and child turns. */
function syntheticTranscript(sets: readonly Labelled[], utterances: number): Turn[] {
  const child = [
    'He came in my room.',
    "I don't know.",
    'We were at the park.',
    'Yes.',
    'He said it was a secret.',
  ];
  const turns: Turn[] = [];
  for (let i = 0; i < utterances; i++) {
    const speaker = i % 2 === 0 ? 'interviewer' : 'child';
    const text =
      speaker === 'interviewer'
        ? (sets[(i * 7) % sets.length]?.text ?? '')
        : (child[i % child.length] ?? '');
    turns.push({ speaker, text, startMs: i * 4000 });
  }
  return turns;
}

export async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const extras: string[] = [];
  for (const language of ['en', 'es'] as const) {
    const bySplit = Object.fromEntries(SPLITS.map((s) => [s, load(language, s)])) as Record<
      (typeof SPLITS)[number],
      Labelled[]
    >;
    const all = SPLITS.flatMap((s) => bySplit[s]);
    const t = TARGETS[language];
    for (const [name, set] of [
      ['all', all],
      ['tuned+dev', [...bySplit.tuned, ...bySplit.dev]],
      ['held-out', bySplit.heldout],
    ] as const) {
      const r = evaluate(set, language);
      rows.push({
        metric: `${language} top-level accuracy (${name}, n=${r.n})`,
        value: r.accuracy,
        unit: '%',
        target: `>= ${t.accuracy}%`,
        met: r.accuracy >= t.accuracy,
      });
      rows.push({
        metric: `${language} option-posing+suggestive flagged (${name})`,
        value: r.flagged,
        unit: '%',
        target: `>= ${t.flagged}%`,
        met: r.flagged >= t.flagged,
      });
      if (name === 'all') {
        for (const type of QUESTION_TYPES) {
          const s = r.perType.get(type);
          if (s)
            rows.push({
              metric: `${language} accuracy: ${type} (n=${s.n})`,
              value: (100 * s.ok) / s.n,
              unit: '%',
            });
        }
        extras.push(confusionMarkdown(`Confusion matrix, ${language}, all splits`, r.confusion));
      }
    }

    // Throughput: many passes over the whole set, median of several rounds.
    const texts = all.map((i) => i.text);
    for (let i = 0; i < 3; i++) for (const x of texts) classifyQuestion(x, language); // warm-up
    const rates: number[] = [];
    for (let round = 0; round < 5; round++) {
      const n = texts.length * 40;
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) classifyQuestion(texts[i % texts.length] ?? '', language);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      rates.push(n / seconds);
    }
    const rate = median(rates);
    rows.push({
      metric: `${language} classify throughput`,
      value: rate,
      unit: 'utt/s',
      target: '>= 50,000/s',
      met: rate >= 50_000,
    });

    const transcript = syntheticTranscript(all, 4000); // 2,000 interviewer utterances + 2,000 child turns
    analyseSequence(transcript, { language });
    const times: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = process.hrtime.bigint();
      analyseSequence(transcript, { language });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const ms = median(times);
    rows.push({
      metric: `${language} code a 2,000-utterance transcript (sequence rules, presumption on)`,
      value: ms,
      unit: 'ms',
      target: '< 100 ms',
      met: ms < 100,
    });
  }
  return Promise.resolve({ name: 'questions', rows, extra: extras.join('\n\n') });
}
