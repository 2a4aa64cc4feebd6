// Scores the coach on an own24 probe file (tests/fixtures/questions-own24, issue #16): top-level
// accuracy, per-class precision / recall and the confusion table, per language.
// Usage: npx tsx bench/questions-own24-score.ts [dev|heldout] [--root /path/to/checkout]
// --root scores another checkout's coach (e.g. the base commit) on the same file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_TYPES } from '../src/questions/types';

type Lang = 'en' | 'es';
interface Item {
  id: string;
  lang: Lang;
  child: string[] | null;
  text: string;
  type: string;
}
type Classify = (
  text: string,
  language: Lang,
  context?: object,
) => { type: string; subtype: string };

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? (args[rootAt + 1] ?? '') : join(__dirname, '..');
const split = args.find((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1)) ?? 'dev';
if (split !== 'dev' && split !== 'heldout') {
  console.error(`Unknown split "${split}": use dev or heldout.`);
  process.exit(2);
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { classifyQuestion } = require(join(root, 'src', 'questions')) as {
  classifyQuestion: Classify;
};
const file = join(__dirname, '..', 'tests', 'fixtures', 'questions-own24', `${split}.jsonl`);
const items = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);
// The type names are this tree's (both checkouts code into the same seven types).
const TYPES: readonly string[] = QUESTION_TYPES;
const RISKY = new Set(['option-posing', 'suggestive']);
const OPEN = new Set(['invitation', 'cued-invitation', 'facilitator']);
for (const lang of ['en', 'es'] as const) {
  const mine = items.filter((i) => i.lang === lang);
  const m = TYPES.map(() => TYPES.map(() => 0));
  const at = (r: number, c: number): number => m[r]?.[c] ?? 0;
  const misses: string[] = [];
  let risky = 0;
  let riskyHit = 0;
  let open = 0;
  let openFlagged = 0;
  for (const it of mine) {
    const got = classifyQuestion(it.text, lang, it.child ? { childWords: it.child } : undefined);
    const row = m[TYPES.indexOf(it.type)];
    if (!row) throw new Error(`${it.id}: unknown type ${it.type}`);
    row[TYPES.indexOf(got.type)] = at(TYPES.indexOf(it.type), TYPES.indexOf(got.type)) + 1;
    if (got.type !== it.type)
      misses.push(
        `  ${it.id} want ${it.type}, got ${got.type}/${got.subtype}: ${it.text}  [child: ${JSON.stringify(it.child)}]`,
      );
    if (RISKY.has(it.type)) {
      risky++;
      if (RISKY.has(got.type)) riskyHit++;
    }
    if (OPEN.has(it.type)) {
      open++;
      if (RISKY.has(got.type)) openFlagged++;
    }
  }
  const right = TYPES.reduce((s, _, k) => s + at(k, k), 0);
  console.log(
    `== ${lang} ${split}: accuracy ${right}/${mine.length} = ${((100 * right) / mine.length).toFixed(1)}%`,
  );
  console.log(
    `   risky caught ${riskyHit}/${risky}; open prompts flagged risky ${openFlagged}/${open}`,
  );
  console.log(
    `   ${'rows expected'.padEnd(16)}${TYPES.map((t) => t.slice(0, 7).padStart(8)).join('')}    prec  recall`,
  );
  TYPES.forEach((t, k) => {
    const cells = TYPES.map((_, c) => at(k, c));
    const row = cells.reduce((a, b) => a + b, 0);
    const col = TYPES.reduce((a, _, r) => a + at(r, k), 0);
    const pr = col ? (at(k, k) / col).toFixed(2) : '  - ';
    const rc = row ? (at(k, k) / row).toFixed(2) : '  - ';
    console.log(
      `   ${t.padEnd(16)}${cells.map((n) => String(n).padStart(8)).join('')}    ${pr}  ${rc}`,
    );
  });
  if (misses.length) console.log(misses.join('\n'));
}
