// Question-type coach: accuracy on the labelled set built from published sources (tune and
// held-out parts, per-class precision and recall, confusion matrix of the held-out part), the
// older project sets, and speed (utterances per second with and without the child's words as
// context; coding a 2,000-utterance transcript with the sequence rules).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  analyseSequence,
  classifyQuestion,
  QUESTION_TYPES,
  type Language,
  type QuestionType,
  type Turn,
} from '../src/questions';
import {
  loadPublished,
  PROVENANCES,
  type PublishedItem,
  scorePublished,
  TOP_TYPES,
  type PublishedSplit,
  type Score,
} from '../tests/unit/questions/published';
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
      // Caught: flagged, or one of the option-posing questions a protocol itself asks.
      if (!c.recommended || c.subtype === 'protocol') flagged++;
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

const PUBLISHED_TARGETS = { accuracy: 92, riskyRecall: 97, openFlagged: 3 };

/** How each published split is named in the table, with its one blind result once it was seen. */
const SPLIT_LABELS: Record<PublishedSplit, string> = {
  tune: 'tuning part',
  heldout: 'HELD-OUT part',
  heldout2: 'SECOND HELD-OUT set (seen: blind once at 83.3% en / 81.8% es, see HELDOUT2.md)',
  heldout3: 'THIRD HELD-OUT set (seen: blind once at 82.2% en / 70.7% es, see HELDOUT3.md)',
  heldout4: 'FOURTH HELD-OUT set (seen: blind once at 75.3% en / 71.4% es, see HELDOUT4.md)',
  heldout5: 'FIFTH HELD-OUT set (seen: blind once at 91.9% en / 87.0% es, see HELDOUT5.md)',
  heldout6:
    'SIXTH HELD-OUT set (seen: blind once at 89.8% en / 85.0% es; dev half tuned on, see HELDOUT6.md)',
  heldout7:
    'SEVENTH HELD-OUT set (seen: blind once at 82.7% en / 85.4% es, two coders, see HELDOUT7.md)',
};

function publishedRows(language: Language, split: PublishedSplit, s: Score): BenchRow[] {
  const label = SPLIT_LABELS[split];
  const rows: BenchRow[] = [
    {
      metric: `${language} published set, ${label}: top-level accuracy (n=${s.n})`,
      value: 100 * s.accuracy,
      unit: '%',
      target: `>= ${PUBLISHED_TARGETS.accuracy}%`,
      met: 100 * s.accuracy >= PUBLISHED_TARGETS.accuracy,
    },
    {
      metric: `${language} published set, ${label}: recall of option-posing + suggestive`,
      value: 100 * s.riskyRecall,
      unit: '%',
      target: `>= ${PUBLISHED_TARGETS.riskyRecall}%`,
      met: 100 * s.riskyRecall >= PUBLISHED_TARGETS.riskyRecall,
    },
    {
      metric: `${language} published set, ${label}: option-posing + suggestive with a warning (protocol's own excluded)`,
      value: 100 * s.riskyFlagged,
      unit: '%',
    },
    {
      metric: `${language} published set, ${label}: invitations + facilitators flagged`,
      value: 100 * s.openFlagged,
      unit: '%',
      target: `<= ${PUBLISHED_TARGETS.openFlagged}%`,
      met: 100 * s.openFlagged <= PUBLISHED_TARGETS.openFlagged,
    },
  ];
  if (split !== 'tune')
    for (const t of TOP_TYPES) {
      const c = s.perClass[t];
      if (!c || c.support === 0) continue;
      rows.push(
        {
          metric: `${language} ${split} ${t} (n=${c.support}): precision`,
          value: 100 * c.precision,
          unit: '%',
        },
        {
          metric: `${language} ${split} ${t} (n=${c.support}): recall`,
          value: 100 * c.recall,
          unit: '%',
        },
      );
    }
  return rows;
}

function publishedConfusion(language: Language, s: Score, split: PublishedSplit): string {
  const short = (t: string) => (t === 'option-posing' ? 'opt' : t.slice(0, 3));
  const lines = [
    `#### ${split} confusion matrix, ${language}, published set (rows: label, columns: coach; cued invitations count as invitations)`,
    '',
    `| label \\ coded | ${TOP_TYPES.map(short).join(' | ')} |`,
    `|---|${TOP_TYPES.map(() => '---:').join('|')}|`,
  ];
  for (const a of TOP_TYPES)
    lines.push(`| ${a} | ${TOP_TYPES.map((b) => String(s.confusion[a]?.[b] ?? 0)).join(' | ')} |`);
  if (s.misses.length > 0) {
    lines.push('', `Held-out errors, ${language}:`, '');
    for (const m of s.misses)
      lines.push(
        `- "${m.text}": labelled ${m.expected}, coded ${m.got}${m.recommended ? ' (no warning)' : ''}`,
      );
  }
  return lines.join('\n');
}

/** A child's side of an interview: 40 turns, as the live coach holds it halfway through. */
function childContext(language: Language): string[] {
  const en = [
    'he came in my room',
    'it was at night',
    'he hit me',
    'my mom was at work',
    'I was scared',
    'he said not to tell',
    'we were watching TV',
    'he has a red truck',
  ];
  const es = [
    'entró a mi cuarto',
    'fue en la noche',
    'me pegó',
    'mi mamá estaba en el trabajo',
    'tenía miedo',
    'me dijo que no dijera',
    'estábamos viendo la tele',
    'tiene una troca roja',
  ];
  const base = language === 'en' ? en : es;
  return Array.from({ length: 40 }, (_, i) => base[i % base.length] ?? '');
}

/**
 * Utterances per CPU-second of this process (user + system time), median of 5 rounds. CPU time,
 * not wall time: the machines here are shared by several jobs (load average above 10), and wall
 * time measures the neighbours as much as the coach.
 */
function throughput(
  texts: readonly string[],
  language: Language,
  childWords?: readonly string[],
): number {
  const context = childWords ? { childWords } : undefined;
  for (let i = 0; i < 3; i++) for (const x of texts) classifyQuestion(x, language, context); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const n = texts.length * 40;
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) classifyQuestion(texts[i % texts.length] ?? '', language, context);
    const used = process.cpuUsage(start);
    rates.push(n / ((used.user + used.system) / 1e6));
  }
  return median(rates);
}

/** Accuracy per provenance of the second held-out set (quoted / adapted / constructed wording). */
function provenanceRows(language: Language, items: readonly PublishedItem[]): BenchRow[] {
  return PROVENANCES.map((p) => {
    const part = items.filter((i) => i.provenance === p);
    const s = scorePublished(part, language);
    return {
      metric: `${language} heldout2, ${p} wording (n=${part.length}): top-level accuracy`,
      value: part.length > 0 ? 100 * s.accuracy : 0,
      unit: '%',
    };
  });
}

export async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const extras: string[] = [];
  for (const language of ['en', 'es'] as const) {
    for (const split of [
      'tune',
      'heldout',
      'heldout2',
      'heldout3',
      'heldout4',
      'heldout5',
      'heldout6',
      'heldout7',
    ] as const) {
      const items = loadPublished(language, split);
      const s = scorePublished(items, language);
      rows.push(...publishedRows(language, split, s));
      if (split === 'heldout2') rows.push(...provenanceRows(language, items));
      if (split !== 'tune') extras.push(publishedConfusion(language, s, split));
    }
  }
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
        metric: `${language} older project set: top-level accuracy (${name}, n=${r.n})`,
        value: r.accuracy,
        unit: '%',
        target: `>= ${t.accuracy}%`,
        met: r.accuracy >= t.accuracy,
      });
      rows.push({
        metric: `${language} older project set: option-posing+suggestive flagged (${name})`,
        value: r.flagged,
        unit: '%',
        target: `>= ${t.flagged}%`,
        met: r.flagged >= t.flagged,
      });
      if (name === 'all')
        extras.push(
          confusionMarkdown(
            `Confusion matrix, ${language}, older project set, all splits`,
            r.confusion,
          ),
        );
    }

    // Throughput: many passes over the whole set, median of several rounds; with context the
    // child's 40 turns are passed on every call, as the live coach does on every keystroke.
    const texts = all.map((i) => i.text);
    const bare = throughput(texts, language);
    rows.push({
      metric: `${language} classify throughput, no context`,
      value: bare,
      unit: 'utt/CPU-s',
    });
    const withContext = throughput(texts, language, childContext(language));
    // The machine is shared: the load average beside the rate says how busy it was (CPU time per
    // utterance still rises with load, through cache and hyper-thread contention).
    rows.push({
      metric: `${language} load average (1 min) when throughput was measured`,
      value: loadavg()[0] ?? 0,
      unit: 'runnable',
    });
    rows.push({
      metric: `${language} classify throughput, with the child's words as context`,
      value: withContext,
      unit: 'utt/CPU-s',
      target: '>= 50,000/s',
      met: withContext >= 50_000,
    });

    const transcript = syntheticTranscript(all, 4000); // 2,000 interviewer utterances + 2,000 child turns
    analyseSequence(transcript, { language });
    const times: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = process.cpuUsage();
      analyseSequence(transcript, { language });
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1e3);
    }
    const ms = median(times);
    rows.push({
      metric: `${language} code a 2,000-utterance transcript (sequence rules, presumption on; CPU time)`,
      value: ms,
      unit: 'ms',
      target: '< 100 ms',
      met: ms < 100,
    });
  }
  return Promise.resolve({ name: 'questions', rows, extra: extras.join('\n\n') });
}
