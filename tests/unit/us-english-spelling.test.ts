// English wording is US English (Hearth's English users are US child advocacy centers): every
// string value in locales/en and the English strings Hearth writes in src/ that users read use US
// spelling ("practice" as a verb, "summarize", "labeled", "color", "judgment"). Keys and ids keep
// their names ("practised" is a checklist id). Excluded, each for a stated reason:
// - locales/en/transcript.json: rendition wording frozen as version 5 (src/export/words.ts);
//   changing it means a new rendition version, so its one British form ("labelling") stays there.
// - training.json input lists (frameWords, whWords, rapportCues): words a trainee may *type*
//   ("colour", "mum"), matched, never shown.
// Not yet checked: "centre" (about 80 strings in ui.json and verify.json). It is also a file name
// (centre.pub), record kinds and CLI output in the bundle and verify area, so "center" needs one
// change across those areas, left to the lead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BRITISH =
  /\b(practis(e|ed|es|ing)|summaris\w*|labell(ed|ing)|colour\w*|favourit\w*|behaviour\w*|judgement|analys(ed|es|ing)|organis(e|ed|es|ing|ation)\w*|recognis\w*|realis(e|ed|es|ing)|apologis\w*|travell\w*|cancell\w*|modell\w*|labour\w*|licence|offence|defence|catalogue|programme|pyjamas?|whilst|amongst|mum|grey|tyre|kerb|jewellery|paediatric\w*)\b/i;
const ROOT = join(__dirname, '..', '..');
const FROZEN = new Set(['transcript.json']);
const INPUT_LISTS = new Set(['frameWords', 'whWords', 'rapportCues']);

function* strings(value: unknown, path: string[]): Generator<[string, string]> {
  if (typeof value === 'string') yield [path.join('.'), value];
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, [...path, String(i)]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && INPUT_LISTS.has(k)) continue;
      yield* strings(v, [...path, k]);
    }
}

test('every locales/en string value uses US spelling', () => {
  const dir = join(ROOT, 'locales', 'en');
  const found: string[] = [];
  let checked = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !FROZEN.has(f))) {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const [path, text] of strings(json, [])) {
      checked++;
      const m = BRITISH.exec(text);
      if (m) found.push(`${file} ${path}: "${m[0]}"`);
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect(found).toEqual([]);
});

test('the check catches the forms it is for (Practise, summarise, labelled, colour)', () => {
  for (const s of [
    'Practise the rules.',
    'summarise it',
    'labelled in',
    'Colours',
    'team judgement',
  ])
    expect(BRITISH.test(s)).toBe(true);
  for (const s of ['Practice the rules.', 'summarize it', 'labeled in', 'Colors', 'team judgment'])
    expect(BRITISH.test(s)).toBe(false);
});

test('English strings Hearth writes in src/ for users (quoted text, not identifiers) use US spelling', () => {
  // User-facing English literals in src: sentences in quotes with a space (identifiers such as
  // 'practised' or normalise() have none). Frozen rendition wording is excluded as above.
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'frozen-wording') walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(
          /(['"`])((?:(?!\1)[^\\\n]|\\.)* (?:(?!\1)[^\\\n]|\\.)*)\1/g,
        )) {
          const line = text.slice(0, m.index).split('\n').length;
          const before = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
          if (/^\s*(\/\/|\/?\*)/.test(before)) continue; // a comment
          const hit = BRITISH.exec(m[2]!);
          if (hit) found.push(`${p.slice(ROOT.length + 1)}:${line} "${hit[0]}"`);
        }
      }
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'renderer'));
  expect(found).toEqual([]);
});
