// What a newcomer following the README met at the command line (newcomer 26): unlabelled lines
// are coded without the child's words and the CLI says so (F2); errors are one line and where
// the options are, not 30 lines of usage (m1); --earlier errors name the command and the file (m2);
// a record that fails authentication is said with what was not changed and the next step (F6).
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { UNLABELLED_NOTE } from '../../src/cli/commands/classify';
import { runCaptured } from '../helpers/cli-run';
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

describe('F6: a record that fails authentication', () => {
  // Argon2id at every unlock (seconds on a loaded machine); nothing here is about speed.
  jest.setTimeout(300_000);
  const PASSPHRASE = 'a very good passphrase';

  /** Flips the last bit of the admin's signing-key record in the vault file `file`. */
  function flipSigningKey(file: string): void {
    const db = new Database(file);
    const row = db
      .prepare(
        "SELECT record_id AS id, ciphertext FROM records WHERE record_id = 'signing-key:admin'",
      )
      .get() as { id: string; ciphertext: Buffer };
    const changed = Buffer.from(row.ciphertext);
    changed[changed.length - 1]! ^= 1;
    db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(changed, row.id);
    db.close();
  }

  function snapshot(folder: string): Record<string, string> {
    return Object.fromEntries(
      readdirSync(folder)
        .sort()
        .map((n) => [
          n,
          createHash('sha256')
            .update(readFileSync(join(folder, n)))
            .digest('hex'),
        ]),
    );
  }

  test('vault check and vault restore say what was not changed and the next step; restore names the file (exit 2)', async () => {
    const vault = join(dir, 'f6-vault');
    const passFile = join(dir, 'f6-pass.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const args = ['--vault', vault, '--passphrase-file', passFile];
    const run = (argv: string[]) => runCaptured(runCli, argv);
    expect((await run(['vault', 'init', ...args, '--kdf-memory-mib', '64'])).code).toBe(0);
    const backup = join(dir, 'f6-good.hbk');
    expect((await run(['vault', 'backup', ...args, '--out', backup])).code).toBe(0);
    const bad = join(dir, 'f6-bad.hbk');
    copyFileSync(backup, bad);
    flipSigningKey(bad);

    const before = snapshot(vault);
    const restored = await run(['vault', 'restore', ...args, '--from', bad, '--replace']);
    expect(restored.code).toBe(2);
    expect(restored.err).toMatch(
      new RegExp(
        `^hearth vault restore: the backup ${bad} is damaged: .*signing-key:admin fails authentication.*Nothing was restored and nothing in ${vault} was changed\\. Next: restore from another copy of this backup .*another admin of the backup can restore it: --user`,
      ),
    );
    expect(snapshot(vault)).toEqual(before);

    flipSigningKey(join(vault, 'hearth-vault.db'));
    const checked = await run(['vault', 'check', ...args]);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(
      /^hearth vault check: TAMPERED: .*signing-key:admin fails authentication.* Nothing was changed: hearth vault check only reads the vault\. Next: .*--user OTHER_ADMIN.*restore the newest backup \(hearth vault restore --vault .*--replace/,
    );
  });
});

test('F8, m4, m5: the kit names the recover command; recover says where the new passphrase comes from; the restore note matches the README', async () => {
  const vault = join(dir, 'm5-vault');
  const passFile = join(dir, 'm5-pass.txt');
  writeFileSync(passFile, 'a very good passphrase\n');
  const args = ['--vault', vault, '--passphrase-file', passFile];
  const made = await runCaptured(runCli, ['vault', 'init', ...args, '--kdf-memory-mib', '64']);
  expect(made.code).toBe(0);
  expect(made.out).toContain(`hearth vault recover --vault ${vault} --user admin`);
  const help = await runCaptured(runCli, ['vault', '--help']);
  expect(help.out).toMatch(/NEW passphrase for the user, read from --passphrase-file FILE/);
  const backup = join(dir, 'm5.hbk');
  expect((await runCaptured(runCli, ['vault', 'backup', ...args, '--out', backup])).code).toBe(0);
  const restored = await runCaptured(runCli, [
    'vault',
    'restore',
    '--vault',
    join(dir, 'm5-restored'),
    '--from',
    backup,
    '--passphrase-file',
    passFile,
  ]);
  expect(restored.code).toBe(0);
  // README, Backups: a copy the restore was not given is set aside, not reported as ROLLED_BACK.
  expect(restored.out).not.toMatch(/reports ROLLED_BACK/);
  expect(restored.out).toMatch(/without reporting ROLLED_BACK/);
  expect(restored.out).toMatch(
    /~\/\.config\/Hearth on Linux.*Application Support\/Hearth on macOS/,
  );
});
