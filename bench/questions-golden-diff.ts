// Lists how the equivalence golden (tests/fixtures/questions-equivalence/golden.json.gz) would
// change under this tree's coach: the case rows whose output differs, by old -> new type/subtype,
// which of them cross between warning-free and warned (Classification.recommended / verdict), and
// the transcript turns that change. Run before regenerating the golden, to state the change in
// the commit. Usage: npx tsx bench/questions-golden-diff.ts [--list]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseSequence, classifyQuestion, isWarningFree } from '../src/questions';
import type { Classification, ClassifyContext, Language } from '../src/questions';

interface Golden {
  contexts: ClassifyContext[];
  cases: Array<{
    text: string;
    language: Language;
    context: number;
    explainIn?: Language;
    out: Classification;
  }>;
  transcripts: Array<{
    language: Language;
    childAgeYears?: number;
    turns: Array<{ speaker: 'interviewer' | 'child'; text: string; startMs: number }>;
    out: unknown;
  }>;
}
const golden = JSON.parse(
  gunzipSync(
    readFileSync(
      join(__dirname, '..', 'tests', 'fixtures', 'questions-equivalence', 'golden.json.gz'),
    ),
  ).toString('utf8'),
) as Golden;
const list = process.argv.includes('--list');
const kinds = new Map<string, number>();
let changed = 0;
let crossed = 0;
const texts = new Set<string>();
for (const c of golden.cases) {
  const out = classifyQuestion(
    c.text,
    c.language,
    c.context < 0 ? undefined : golden.contexts[c.context],
    c.explainIn,
  );
  if (JSON.stringify(out) === JSON.stringify(c.out)) continue;
  changed++;
  texts.add(`${c.language} ${c.text}`);
  const k = `${c.out.type}/${c.out.subtype} -> ${out.type}/${out.subtype}`;
  kinds.set(k, (kinds.get(k) ?? 0) + 1);
  const was = isWarningFree(c.out.verdict);
  const now = isWarningFree(out.verdict);
  if (was !== now) crossed++;
  if (list)
    console.log(
      `${was === now ? ' ' : '*'} ${c.language} ${k} [${out.cue ?? ''}] ${c.text}  ctx ${JSON.stringify(c.context < 0 ? null : golden.contexts[c.context]?.childWords)}`,
    );
}
let turns = 0;
for (const t of golden.transcripts) {
  const out = analyseSequence(t.turns, { language: t.language, childAgeYears: t.childAgeYears });
  const a = (out as { coded: unknown[] }).coded ?? [];
  const b = (t.out as { coded: unknown[] }).coded ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) turns++;
  if (JSON.stringify(out) !== JSON.stringify(t.out) && a.length === 0) turns++;
}
console.log(
  `${changed} of ${golden.cases.length} cases changed (${texts.size} distinct texts); ${crossed} cross warning-free <-> warned; ${turns} transcript turns changed`,
);
for (const [k, n] of [...kinds].sort((x, y) => y[1] - x[1])) console.log(`  ${n}  ${k}`);
