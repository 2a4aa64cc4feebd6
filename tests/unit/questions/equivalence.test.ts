// The throughput work on the coach (issue #16, "Throughput stays >= 50,000 utterances/s with
// context", branch coach20) may change no output: every classification and every sequence
// analysis of the equivalence corpus (equivalence-corpus.ts: all labelled lines, with and without
// child words, plus generated utterances and whole interviews) must equal, field for field and in
// field order, what the classifier gave before that work (a5b6c18), stored in
// tests/fixtures/questions-equivalence/golden.json.gz. Each case is coded twice, the second time
// with every cache warm, and the interviews reuse one growing array of child words as the live
// coach does. A rule change that is meant to change outputs rewrites the golden file with
// bench/questions-equivalence-golden.ts and says so in its commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  analyseSequence,
  classifyQuestion,
  type ClassifyContext,
  type Language,
} from '../../../src/questions';
import type { EquivalenceTranscript } from './equivalence-corpus';

interface Golden {
  contexts: ClassifyContext[];
  cases: Array<{
    text: string;
    language: Language;
    context: number;
    explainIn?: Language;
    out: unknown;
  }>;
  transcripts: Array<EquivalenceTranscript & { out: unknown }>;
}

const golden = JSON.parse(
  gunzipSync(
    readFileSync(
      join(__dirname, '..', '..', 'fixtures', 'questions-equivalence', 'golden.json.gz'),
    ),
  ).toString('utf8'),
) as Golden;

/** JSON drops undefined fields; an output may not carry one (the golden file cannot hold it). */
function undefinedField(value: unknown, path = ''): string | undefined {
  if (value === undefined) return path || '(root)';
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = undefinedField(v, `${path}.${k}`);
    if (found) return found;
  }
  return undefined;
}

function mismatches(
  items: ReadonlyArray<{ label: string; expected: unknown; actual: unknown }>,
): string[] {
  const out: string[] = [];
  for (const { label, expected, actual } of items) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    const undef = undefinedField(actual);
    if (a !== e || undef)
      out.push(
        `${label}\n  expected ${e}\n  actual   ${a}${undef ? `\n  undefined ${undef}` : ''}`,
      );
  }
  return out;
}

describe('question coach equivalence with the classifier before the throughput work', () => {
  it('holds a corpus large enough to mean something', () => {
    expect(golden.cases.length).toBeGreaterThan(20_000);
    expect(golden.transcripts.length).toBeGreaterThanOrEqual(8);
    // Both languages, with and without context, and the suggestion path all appear.
    const outs = golden.cases.map((c) => c.out as { suggestion?: string; type: string });
    expect(outs.filter((o) => o.suggestion !== undefined).length).toBeGreaterThan(1000);
    expect(new Set(outs.map((o) => o.type)).size).toBe(7);
    expect(golden.cases.some((c) => c.language === 'es' && c.context >= 0)).toBe(true);
  });

  it('codes every case exactly as before, cold and with warm caches', () => {
    const cold = golden.cases.map((c, i) => {
      // A fresh copy of the context per call: no cache keyed on the array may carry over.
      const context =
        c.context < 0
          ? undefined
          : (structuredClone(golden.contexts[c.context]) as ClassifyContext);
      return {
        label: `case ${i}: ${c.language} ${JSON.stringify(c.text)} context ${JSON.stringify(context)}${c.explainIn ? ` explainIn ${c.explainIn}` : ''}`,
        expected: c.out,
        actual: classifyQuestion(c.text, c.language, context, c.explainIn),
        context,
      };
    });
    // Again, in reverse order, with the same context objects (warm per-context caches).
    const warm = [...cold].reverse().map((r, j) => {
      const c = golden.cases[cold.length - 1 - j];
      if (!c) throw new Error('case index out of range');
      return {
        label: `warm ${r.label}`,
        expected: c.out,
        actual: classifyQuestion(c.text, c.language, r.context, c.explainIn),
      };
    });
    const wrong = mismatches([...cold, ...warm]);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(wrong.length).toBe(0);
  });

  it('analyses every interview exactly as before (one growing array of child words)', () => {
    const wrong = mismatches(
      golden.transcripts.map((t, i) => ({
        label: `transcript ${i} (${t.language})`,
        expected: t.out,
        actual: analyseSequence(t.turns, { language: t.language, childAgeYears: t.childAgeYears }),
      })),
    );
    expect(wrong.slice(0, 2)).toEqual([]);
  });

  it('catches a changed output (the comparison can fail)', () => {
    const c = golden.cases.find((x) => x.context >= 0);
    if (!c) throw new Error('no case with context');
    const actual = classifyQuestion(c.text, c.language, golden.contexts[c.context], c.explainIn);
    expect(mismatches([{ label: 'same', expected: c.out, actual }])).toEqual([]);
    const changed = { ...(actual as object), reason: `${actual.reason} ` };
    expect(mismatches([{ label: 'changed', expected: c.out, actual: changed }])).toHaveLength(1);
    const withUndefined = { ...(actual as object), suggestion: undefined };
    expect(
      mismatches([{ label: 'undefined', expected: c.out, actual: withUndefined }]),
    ).toHaveLength(1);
  });
});
