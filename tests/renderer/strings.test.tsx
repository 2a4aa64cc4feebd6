// Every user-visible string comes from locales/: the catalogs match key for key, every key the
// code names exists, and no JSX text or user-facing attribute is written in the source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';

const root = join(__dirname, '..', '..', 'renderer');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}
const sourceFiles = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.includes('vite.config'))
  .map((f) => join(root, f));

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

test('every literal key the renderer asks for exists in English', () => {
  const keys = new Set(leaves(en).map((k) => k.replace(PLURAL, '')));
  const used: string[] = [];
  for (const file of sourceFiles) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.push(m[1]!);
    for (const m of text.matchAll(/\bkey: '([a-zA-Z]+\.[\w.-]+)'/g)) used.push(m[1]!);
  }
  expect(used.length).toBeGreaterThan(100);
  expect(used.filter((k) => !keys.has(k))).toEqual([]);
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
