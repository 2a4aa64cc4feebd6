// The coach's false-positive study (first coach39, then coach41's scheme and miss kinds): every
// labelled utterance of the project's sets (tests/fixtures/questions/**.jsonl, tests/fixtures/questions-own24/*.jsonl), coded by two
// trees' coaches side by side. Prints, per language: open prompts (gold invitation, cued
// invitation, facilitator) that get a warning; risky items (gold option-posing or suggestive)
// coded risky; top-level accuracy; and how many items each coach39 rule touches (a holiday
// topic, a stereotype label, a synonym of a child word, a touch's hand). Labels are the sets'
// own, not blind. Usage: npx tsx bench/questions-false-positive-study.ts /path/to/other/checkout
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type * as Questions from '../src/questions';

type Coach = typeof Questions;
interface Item {
  lang: 'en' | 'es';
  text: string;
  gold: string;
  child?: string[];
}

const here = join(__dirname, '..');
const other = process.argv[2];
if (!other)
  throw new Error('usage: npx tsx bench/questions-false-positive-study.ts /path/to/other/checkout');

function jsonlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonlFiles(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

function items(): Item[] {
  const files = [
    ...jsonlFiles(join(here, 'tests/fixtures/questions')),
    ...jsonlFiles(join(here, 'tests/fixtures/questions-own24')),
  ];
  const out: Item[] = [];
  for (const file of files) {
    const fileLang = /(?:^|\/)es[.]|\/es\.jsonl$/.test(file) ? 'es' : 'en';
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as Record<string, unknown>;
      const gold = (d.type ?? d.label) as string | undefined;
      if (typeof d.text !== 'string' || typeof gold !== 'string') continue;
      const lang = d.lang === 'es' || d.lang === 'en' ? d.lang : fileLang;
      const child = (d.child ?? d.childSaid) as string[] | undefined;
      out.push({ lang, text: d.text, gold, child: Array.isArray(child) ? child : undefined });
    }
  }
  return out;
}

const OPEN = new Set(['invitation', 'cued-invitation', 'facilitator']);
const RISKY = new Set(['option-posing', 'suggestive']);

function score(coach: Coach, set: readonly Item[]) {
  const r = { open: 0, openFlagged: 0, risky: 0, riskyCaught: 0, right: 0, n: set.length };
  for (const it of set) {
    const c = coach.classifyQuestion(
      it.text,
      it.lang,
      it.child ? { childWords: [...it.child] } : {},
    );
    if (c.type === it.gold) r.right++;
    if (OPEN.has(it.gold)) {
      r.open++;
      if (!c.recommended) r.openFlagged++;
    }
    if (RISKY.has(it.gold)) {
      r.risky++;
      if (RISKY.has(c.type)) r.riskyCaught++;
    }
  }
  return r;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mine = require(join(here, 'src/questions')) as Coach;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const theirs = require(join(other, 'src/questions')) as Coach;
const all = items();
console.log(`| set | tree | items | accuracy | open prompts warned | risky coded risky |`);
console.log(`|---|---|---|---|---|---|`);
for (const lang of ['en', 'es'] as const) {
  const set = all.filter((i) => i.lang === lang);
  for (const [name, coach] of [
    [other, theirs],
    ['this tree', mine],
  ] as const) {
    const s = score(coach, set);
    console.log(
      `| ${lang} | ${name} | ${s.n} | ${pct(s.right, s.n)} | ${s.openFlagged}/${s.open} (${pct(s.openFlagged, s.open)}) | ${s.riskyCaught}/${s.risky} (${pct(s.riskyCaught, s.risky)}) |`,
    );
  }
}
// Items whose coding differs between the trees, with gold, for reading; then a tally per language
// of each change (old -> new type/subtype) split by the gold label, so that a reader sees which
// way each change goes (towards the gold label or away from it).
let changed = 0;
const tally = new Map<string, number>();
for (const it of all) {
  const ctx = it.child ? { childWords: [...it.child] } : {};
  const a = theirs.classifyQuestion(it.text, it.lang, ctx);
  const b = mine.classifyQuestion(it.text, it.lang, ctx);
  if (a.type === b.type && a.subtype === b.subtype && a.recommended === b.recommended) continue;
  changed++;
  const dir =
    a.type === b.type
      ? 'same type'
      : a.type === it.gold
        ? 'away from gold'
        : b.type === it.gold
          ? 'to gold'
          : 'neither';
  const key = `${it.lang} | ${a.type}/${a.subtype} -> ${b.type}/${b.subtype} | gold ${it.gold} | ${dir}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  console.log(
    `  ${it.lang} gold ${it.gold}: ${a.type}/${a.subtype}${a.recommended ? '' : '!'} -> ${b.type}/${b.subtype}${b.recommended ? '' : '!'}  ${it.text}${it.child ? `  [${it.child.join(' | ')}]` : ''}`,
  );
}
console.log(`${changed} of ${all.length} labelled items change type, subtype or warning`);
console.log('| lang | change | gold | direction | items |');
console.log('|---|---|---|---|---|');
for (const [k, n] of [...tally].sort()) console.log(`| ${k} | ${n} |`);
