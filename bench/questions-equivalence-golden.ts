// Writes the golden outputs of the coach's equivalence test (tests/unit/questions/equivalence.test.ts):
// every case of the equivalence corpus coded by the classifier of a given checkout, stored with
// its inputs so that the test does not depend on the labelled sets staying as they are.
// Usage: npx tsx bench/questions-equivalence-golden.ts [/path/to/checkout] [name of its commit]
// (default: this tree). Rewrite it only when a rule's decision is meant to change, and say so in
// the commit: the test exists to prove that speed work changes no output.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { equivalenceCorpus } from '../tests/unit/questions/equivalence-corpus';
import type * as Questions from '../src/questions';

export const GOLDEN = join(
  __dirname,
  '..',
  'tests',
  'fixtures',
  'questions-equivalence',
  'golden.json.gz',
);

const root = process.argv[2] ?? join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const q = require(join(root, 'src', 'questions')) as typeof Questions;
const corpus = equivalenceCorpus();
const cases = corpus.cases.map((c) => ({
  ...c,
  out: q.classifyQuestion(
    c.text,
    c.language,
    c.context < 0 ? undefined : corpus.contexts[c.context],
    c.explainIn,
  ),
}));
const transcripts = corpus.transcripts.map((t) => ({
  ...t,
  out: q.analyseSequence(t.turns, { language: t.language, childAgeYears: t.childAgeYears }),
}));
const json = JSON.stringify({
  from: process.argv[3] ?? 'this tree',
  contexts: corpus.contexts,
  cases,
  transcripts,
});
writeFileSync(GOLDEN, gzipSync(json, { level: 9 }));
console.log(
  `${cases.length} cases, ${transcripts.length} transcripts, ${json.length} bytes -> ${GOLDEN}`,
);
