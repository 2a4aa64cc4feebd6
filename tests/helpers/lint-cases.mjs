// Lints code snippets as if they were the given files, with the project's ESLint config, and
// prints the rule ids hit per snippet. Run as a child process: ESLint loads its ESM config with
// dynamic import, which jest's module sandbox does not support.
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = process.argv[2];
const cases = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  out.push((result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error'));
}
process.stdout.write(JSON.stringify(out));
