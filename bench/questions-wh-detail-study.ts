// False-positive study for coach37 (issue #16): which wh- directives would a check of the
// lexicon's categories of detail (body parts, objects, clothing, places, vehicles, weapons;
// lexicon detailCategories) flag, before and after the change, with the detail in the child's
// words and without it. Reads every labelled line of tests/fixtures/questions (the equivalence
// golden's own input), questions-own23, questions-own24 and coach37's literature batch
// (tests/fixtures/questions-coach37/wh-study.jsonl, each line with its source).
// Usage: npx tsx bench/questions-wh-detail-study.ts --before /path/to/checkout [--list]
// "before" is another checkout's coach (e.g. the branch's base commit, src + locales extracted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Lang = 'en' | 'es';
interface Coded {
  type: string;
  subtype: string;
  cue?: string;
}
type Classify = (text: string, language: Lang, context?: { childWords: string[] }) => Coded;
interface Item {
  file: string;
  lang: Lang;
  text: string;
  child?: string[];
  label?: string;
}

const args = process.argv.slice(2);
const at = args.indexOf('--before');
const beforeRoot = at >= 0 ? (args[at + 1] ?? '') : '';
const list = args.includes('--list');
if (!beforeRoot) {
  console.error('Give the checkout to compare with: --before /path/to/checkout');
  process.exit(2);
}
const load = (root: string): Classify =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(root, 'src', 'questions')) as { classifyQuestion: Classify }).classifyQuestion;
const before = load(beforeRoot);
const after = load(join(__dirname, '..'));

const FIXTURES = join(__dirname, '..', 'tests', 'fixtures');
function jsonl(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonl(path));
    else if (name.endsWith('.jsonl')) out.push(path);
  }
  return out;
}
const items: Item[] = [];
for (const dir of ['questions', 'questions-own23', 'questions-own24', 'questions-coach37'])
  for (const file of jsonl(join(FIXTURES, dir))) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const o = JSON.parse(raw) as {
        text: string;
        lang?: Lang;
        child?: string[] | null;
        type?: string;
        expect?: string;
      };
      const lang: Lang = o.lang ?? (name.startsWith('es') ? 'es' : 'en');
      items.push({
        file: file.slice(FIXTURES.length + 1),
        lang,
        text: o.text,
        ...(o.child ? { child: o.child } : {}),
        ...(o.type ? { label: o.type } : o.expect ? { label: o.expect } : {}),
      });
    }
  }

const RISKY = new Set(['option-posing', 'suggestive']);
const OPEN = new Set(['invitation', 'cued-invitation', 'facilitator']);
// "Without the detail": the child has disclosed something, in words that name no detail.
const BARE: Record<Lang, string[]> = { en: ['Something happened.'], es: ['Pasó algo.'] };
const key = (i: Item): string => `${i.lang}\u0000${i.text}\u0000${JSON.stringify(i.child ?? null)}`;

// A wh- directive: labelled so, or (sets labelled another way) coded so by the base coach with no
// context. Counted once per distinct text and context.
const seen = new Set<string>();
const wh: Item[] = [];
const open: Item[] = [];
for (const i of items) {
  if (seen.has(key(i))) continue;
  seen.add(key(i));
  const plain = before(i.text, i.lang);
  const isWh = i.label === 'directive' || (i.label === undefined && plain.type === 'directive');
  if (isWh && plain.type === 'directive') wh.push(i);
  if (i.label !== undefined && OPEN.has(i.label)) open.push(i);
}

interface Row {
  name: string;
  n: number;
  before: number;
  after: number;
  newly: string[];
}
const row = (name: string, set: Item[], ctx: (i: Item) => string[] | undefined): Row => {
  const r: Row = { name, n: 0, before: 0, after: 0, newly: [] };
  for (const i of set) {
    const c = ctx(i);
    if (c === undefined) continue;
    r.n++;
    const b = before(i.text, i.lang, { childWords: c });
    const a = after(i.text, i.lang, { childWords: c });
    if (RISKY.has(b.type)) r.before++;
    if (RISKY.has(a.type)) r.after++;
    if (RISKY.has(a.type) !== RISKY.has(b.type) || a.subtype !== b.subtype || a.cue !== b.cue)
      r.newly.push(
        `${i.lang} ${b.type}/${b.subtype} -> ${a.type}/${a.subtype} [${a.cue ?? ''}] ${i.text}  (child: ${JSON.stringify(c)}; ${i.file})`,
      );
  }
  return r;
};

const rows: Row[] = [];
for (const lang of ['en', 'es'] as const) {
  const mine = wh.filter((i) => i.lang === lang);
  // The item's own context when it has one (labelled sets that give the child's words).
  rows.push(row(`${lang} wh- directives, own context`, mine, (i) => i.child));
  // The detail in context: the child said every word of the question (its own text as a turn).
  rows.push(row(`${lang} wh- directives, detail in context`, mine, (i) => [i.text]));
  // Without it: a bare disclosure that names nothing.
  rows.push(row(`${lang} wh- directives, detail not said`, mine, () => BARE[lang]));
  // coach37's literature batch: the pairs that presume a detail (must flag).
  const presuming = items.filter(
    (i) => i.lang === lang && i.file.startsWith('questions-coach37') && i.label === 'suggestive',
  );
  rows.push(row(`${lang} literature batch, presuming (must flag)`, presuming, (i) => i.child));
  const op = open.filter((i) => i.lang === lang);
  rows.push(row(`${lang} open prompts (labelled), own context`, op, (i) => i.child));
  rows.push(row(`${lang} open prompts (labelled), bare disclosure`, op, () => BARE[lang]));
}
console.log('| set | n | flagged before | flagged after |');
console.log('|---|--:|--:|--:|');
for (const r of rows) console.log(`| ${r.name} | ${r.n} | ${r.before} | ${r.after} |`);
if (list)
  for (const r of rows)
    if (r.newly.length > 0) {
      console.log(`\n${r.name}: ${r.newly.length} changed`);
      for (const l of r.newly) console.log(`  ${l}`);
    }
