// Every user-visible string comes from locales/: the catalogs match key for key, every key the
// code names exists, and no JSX text or user-facing attribute is written in the source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import enTraining from '../../locales/en/training-ui.json';
import esTraining from '../../locales/es/training-ui.json';

const root = join(__dirname, '..', '..', 'renderer');
const localesDir = join(__dirname, '..', '..', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
// Spanish names a scenario child whose gender is known by i18next context ("Niña simulada":
// practice.childNoAlias_girl, _boy, _youngWoman, _youngMan; fb26); English needs no variant.
// Every variant must have its neutral key in both catalogs, which is what the renderer falls
// back to when the scenario gives no gender.
const CHILD_CONTEXT = /_(girl|boy|youngWoman|youngMan)$/;

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}
const sourceFiles = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.includes('vite.config'))
  .map((f) => join(root, f));
// renderer/training asks the `trainingUi` namespace; every other folder asks `ui`.
const isTraining = (f: string) => f.startsWith(join(root, 'training'));

test('English and Spanish have the same keys, and no empty text', () => {
  const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();
  expect(base(leaves(es))).toEqual(base(leaves(en)));
  for (const catalog of [en, es]) {
    const walk = (n: unknown): void =>
      typeof n === 'string'
        ? expect(n.trim()).not.toBe('')
        : Object.values(n as object).forEach(walk);
    walk(catalog);
  }
});

/** A namespace's English catalog: 'ui' is ui.json, 'trainingUi' is training-ui.json. */
function catalogFor(namespace: string): Set<string> | null {
  const file = join(
    localesDir,
    'en',
    `${namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`,
  );
  if (!existsSync(file)) return null;
  return new Set(leaves(JSON.parse(readFileSync(file, 'utf8'))).map((k) => k.replace(PLURAL, '')));
}

test('every literal key the renderer asks for exists in English, in its namespace', () => {
  const missing: string[] = [];
  let used = 0;
  for (const file of sourceFiles.filter((f) => !isTraining(f))) {
    const text = readFileSync(file, 'utf8');
    // A feature may use its own namespace (useTranslation('trainingUi')); default is 'ui'. The
    // namespace of `t` is the one its own `{ t } = useTranslation(...)` names; a second
    // translator bound to another name (`{ t: tVerify } = useTranslation('verify')`) has its
    // keys checked in its own namespace.
    const ownT = /\{\s*t\s*\}\s*=\s*useTranslation\(\s*(?:'([A-Za-z]+)')?/.exec(text);
    const namespace = ownT
      ? (ownT[1] ?? 'ui')
      : (/useTranslation\(\s*'([A-Za-z]+)'/.exec(text)?.[1] ?? 'ui');
    const translators: [string, string][] = [
      ['t', namespace],
      ...[...text.matchAll(/\{\s*t:\s*(\w+)\s*\}\s*=\s*useTranslation\(\s*'([A-Za-z]+)'/g)].map(
        (m): [string, string] => [m[1]!, m[2]!],
      ),
    ];
    for (const [name, ns] of translators) {
      const keys = catalogFor(ns);
      if (!keys) {
        missing.push(`${file}: no catalog for namespace ${ns}`);
        continue;
      }
      const found = [
        ...[...text.matchAll(new RegExp(`\\b${name}\\(\\s*'([a-zA-Z][\\w.-]*)'`, 'g'))].map(
          (m) => m[1]!,
        ),
        ...(name === 't'
          ? [...text.matchAll(/\bkey: '([a-zA-Z]+\.[\w.-]+)'/g)].map((m) => m[1]!)
          : []),
      ];
      used += found.length;
      missing.push(...found.filter((k) => !keys.has(k)).map((k) => `${file}: ${ns}:${k}`));
    }
  }
  expect(used).toBeGreaterThan(100);
  expect(missing).toEqual([]);
});

test('every UI namespace has the same keys in English and Spanish', () => {
  const names = readdirSync(join(localesDir, 'en')).filter((f) => /(^|-)ui\.json$/.test(f));
  expect(names).toContain('ui.json');
  const base = (keys: string[]) =>
    [...new Set(keys.map((k) => k.replace(PLURAL, '').replace(CHILD_CONTEXT, '')))].sort();
  for (const name of names) {
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(localesDir, lang, name), 'utf8')) as unknown;
    expect([name, base(leaves(read('es')))]).toEqual([name, base(leaves(read('en')))]);
  }
});

test('no hard-coded user-visible text in the renderer source', () => {
  const USER_FACING = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
  const problems: string[] = [];
  for (const file of sourceFiles.filter((f) => f.endsWith('.tsx'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
        problems.push(`${file}: text "${node.text.trim()}"`);
      }
      if (
        ts.isJsxAttribute(node) &&
        USER_FACING.has(node.name.getText()) &&
        node.initializer &&
        (ts.isStringLiteral(node.initializer) ||
          (ts.isJsxExpression(node.initializer) &&
            node.initializer.expression &&
            ts.isStringLiteralLike(node.initializer.expression))) &&
        /\p{L}/u.test(node.initializer.getText())
      ) {
        problems.push(`${file}: ${node.getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(problems).toEqual([]);
});

test('trainingUi: same keys in English and Spanish, and every literal key exists', () => {
  const base = (keys: string[]) =>
    [...new Set(keys.map((k) => k.replace(PLURAL, '').replace(CHILD_CONTEXT, '')))].sort();
  expect(base(leaves(esTraining))).toEqual(base(leaves(enTraining)));
  const esKeys = new Set(leaves(esTraining));
  const variants = [...esKeys].filter((k) => CHILD_CONTEXT.test(k));
  expect(variants.length).toBeGreaterThan(0);
  expect(variants.filter((k) => !esKeys.has(k.replace(CHILD_CONTEXT, '')))).toEqual([]);
  const keys = new Set(base(leaves(enTraining)));
  const used: string[] = [];
  for (const file of sourceFiles.filter(isTraining)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.push(m[1]!);
  }
  expect(used.length).toBeGreaterThan(50);
  expect(used.filter((k) => !keys.has(k))).toEqual([]);
});
