// What a newcomer following the README met at the command line (newcomer 26): unlabelled lines
// are coded without the child's words and the CLI says so (F2); errors are one line and where
// the options are, not 30 lines of usage (m1); --earlier errors name the command and the file (m2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { UNLABELLED_NOTE } from '../../src/cli/commands/classify';
import { removeDir, tempDir } from '../helpers/core';

async function classify(argv: string[], input: string) {
  let out = '';
  let err = '';
  const code = await runCli(['classify', ...argv], {
    stdin: Readable.from([Buffer.from(input)]),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
  });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('hearth-cli26-');
});
afterAll(() => removeDir(dir));

test('F2: unlabelled lines get one stderr note that the child words are unknown; labelled ones none', async () => {
  const unlabelled = await classify(
    ['--lang', 'en', '--json'],
    'Where did he touch you?\nDid he hurt you?\n',
  );
  expect(unlabelled.code).toBe(0);
  expect(unlabelled.out.trim().split('\n')).toHaveLength(2);
  // Once, however many lines, and quoting none of them.
  expect(unlabelled.err).toBe(UNLABELLED_NOTE);
  expect(unlabelled.err).toMatch(/cannot check whether a question presumes a detail/);
  expect(unlabelled.err).toMatch(/Label the dialogue \(Child: .*Interviewer: /);
  expect(unlabelled.err).not.toMatch(/touch|hurt/);

  const labelled = await classify(
    ['--lang', 'en', '--json'],
    'Interviewer: Where did he touch you?\n',
  );
  expect(labelled.err).toBe('');
  // The labelled line is checked: "touch" is a detail the child has not said.
  expect(JSON.parse(labelled.out)).toMatchObject({ recommended: false });

  // A dialogue with a child line first: known context, no note; an unlabelled dialogue after a
  // blank line: the note.
  const mixed = await classify(
    ['--lang', 'en'],
    'Child: My aunt hit me.\nWhere did she hit you?\n\nTell me more.\n',
  );
  expect(mixed.err).toBe(UNLABELLED_NOTE);
  const known = await classify(
    ['--lang', 'en'],
    'Child: My aunt hit me.\nWhere did she hit you?\n',
  );
  expect(known.err).toBe('');
});

test('m1: a usage error is one line and where the options are, not the whole usage text', async () => {
  for (const [argv, first] of [
    [['vault', 'check', '--valt', 'x'], /^hearth vault: unknown option --valt: nothing was done$/],
    [
      ['vault', 'chek'],
      /^hearth vault: unknown action "chek": nothing was done\. Run hearth vault --help/,
    ],
    [['verfy', 'x'], /^hearth: unknown command "verfy": nothing was done\. Run hearth --help/],
    [['sessions', 'list'], /^hearth sessions: --vault is required/],
  ] as const) {
    let err = '';
    const code = await runCli([...argv], {
      stdin: Readable.from([]),
      out: () => undefined,
      err: (t) => void (err += t),
      env: {},
    });
    expect(code).toBe(2);
    const lines = err.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatch(first);
    expect(err).toMatch(/Run hearth (vault |sessions )?--help/);
    expect(err).not.toMatch(/Usage:/);
  }
  const wrong = await classify(['--lang', 'fr'], 'Hi.\n');
  expect(wrong.code).toBe(2);
  expect(wrong.err).toBe(
    'hearth classify: Unsupported language "fr": use en (English) or es (Spanish).\nRun hearth classify --help for its options.\n',
  );
});

test('m2: an --earlier error names the command and the file, and quotes nothing of it', async () => {
  const missing = join(dir, 'nosuch.txt');
  const r = await classify(['--lang', 'en', '--earlier', missing], 'Tell me more.\n');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    new RegExp(`^hearth classify: --earlier ${missing}: The --earlier file was not found`),
  );
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '\n');
  const e = await classify(['--lang', 'en', '--earlier', empty], 'Tell me more.\n');
  expect(e.err).toMatch(/^hearth classify: --earlier .*empty\.txt: The --earlier file is empty/);
});
