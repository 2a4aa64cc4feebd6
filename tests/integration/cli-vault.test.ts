// `hearth vault ...` as an administrator runs it: in-process with a fake terminal, plus one run
// of the real bin/hearth.js after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/main';
import { vaultFile } from '../../src/vault';
import { removeDir, tempDir } from '../helpers/core';

// Every unlock runs Argon2id (seconds on a loaded machine); no test here is about speed.
jest.setTimeout(60_000);

const PASSPHRASE = 'a very good passphrase';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const stdin = Readable.from([]) as Readable & { isTTY?: boolean };
  const code = await runCli(argv, {
    stdin,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
  });
  return { code, out, err };
}

let dir: string;
let passFile: string;
beforeEach(() => {
  dir = tempDir();
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, PASSPHRASE + '\n');
});
afterEach(() => removeDir(dir));

test('init prints the recovery kit once; check, backup and restore work; exit codes are 0/1/2', async () => {
  const vault = join(dir, 'vault');
  const init = await run([
    'vault',
    'init',
    '--vault',
    vault,
    '--passphrase-file',
    passFile,
    '--kdf-memory-mib',
    '64',
  ]);
  expect(init).toMatchObject({ code: 0, err: '' });
  expect(init.out).toMatch(/RECOVERY KIT/);
  expect(init.out).toMatch(/\n {4}[0-9A-Z]{5}(-[0-9A-Z]{1,5}){10}\n/);
  expect(init.out).not.toContain(PASSPHRASE);

  expect(
    await run(['vault', 'init', '--vault', vault, '--passphrase-file', passFile]),
  ).toMatchObject({ code: 1, err: expect.stringMatching(/VAULT_EXISTS/) });

  // The verdict on stdout; progress (the check streams, #22) on stderr, never a record's content.
  const check = await run(['vault', 'check', '--vault', vault, '--passphrase-file', passFile]);
  expect(check).toMatchObject({ code: 0, out: 'vault check: no problems found\n' });
  expect(check.err.trimEnd().split('\n')).toEqual(
    expect.arrayContaining(['vault check: database 0%', 'vault check: seals 100%']),
  );
  for (const line of check.err.trimEnd().split('\n'))
    expect(line).toMatch(/^vault check: [a-z]+ \d{1,3}%$/);
  expect(
    await run(['vault', 'check', '--vault', vault], { HEARTH_PASSPHRASE: PASSPHRASE }),
  ).toMatchObject({ code: 0 });
  expect(
    await run(['vault', 'check', '--vault', vault], { HEARTH_PASSPHRASE: 'wrong passphrase!!' }),
  ).toMatchObject({
    code: 1,
    err: expect.stringMatching(/BAD_PASSPHRASE/),
  });

  const backupFile = join(dir, 'backup.db');
  const backup = await run([
    'vault',
    'backup',
    '--vault',
    vault,
    '--passphrase-file',
    passFile,
    '--out',
    backupFile,
  ]);
  expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/backup written/) });
  expect(existsSync(backupFile)).toBe(true);

  const restoredDir = join(dir, 'restored', 'nested');
  // A restore asks for an admin's passphrase: it is signed and recorded as it happens.
  expect(
    await run(['vault', 'restore', '--vault', restoredDir, '--from', backupFile]),
  ).toMatchObject({ code: 2 });
  expect(
    await run([
      'vault',
      'restore',
      '--vault',
      restoredDir,
      '--from',
      backupFile,
      '--passphrase-file',
      passFile,
    ]),
  ).toMatchObject({
    code: 0,
    out: expect.stringMatching(/backup sha256 [0-9a-f]{64}.*signed by admin/),
  });
  const restoredCheck = await run([
    'vault',
    'check',
    '--vault',
    restoredDir,
    '--passphrase-file',
    passFile,
    '--json',
  ]);
  expect(restoredCheck).toMatchObject({ code: 0 });
  expect(restoredCheck.err).not.toMatch(/anchor|ROLLED_BACK/);
  expect(JSON.parse(restoredCheck.out)).toMatchObject({
    ok: true,
    problems: [],
    notices: [expect.objectContaining({ kind: 'restore-acknowledged' })],
  });
  expect(
    await run([
      'vault',
      'restore',
      '--vault',
      restoredDir,
      '--from',
      backupFile,
      '--passphrase-file',
      passFile,
    ]),
  ).toMatchObject({ code: 1, err: expect.stringMatching(/--replace/) });
});

test('check names a tampered record and exits 1', async () => {
  const vault = join(dir, 'vault');
  await run([
    'vault',
    'init',
    '--vault',
    vault,
    '--passphrase-file',
    passFile,
    '--kdf-memory-mib',
    '64',
  ]);
  const db = new Database(vaultFile(vault));
  db.prepare(
    "UPDATE records SET ciphertext = zeroblob(length(ciphertext)) WHERE kind = 'user'",
  ).run();
  db.close();
  // The admin's own profile is damaged, so even unlocking reports tampering.
  const result = await run(['vault', 'check', '--vault', vault, '--passphrase-file', passFile]);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/TAMPERED/);
});

test('usage errors exit 2 with a clear message', async () => {
  expect(await run([])).toMatchObject({
    code: 2,
    err: expect.stringMatching(/Usage: hearth <command>/),
  });
  expect(await run(['frobnicate'])).toMatchObject({
    code: 2,
    err: expect.stringMatching(
      /^hearth: unknown command "frobnicate": nothing was done\. Run hearth --help for the commands\.\n$/,
    ),
  });
  expect(await run(['vault'])).toMatchObject({ code: 2 });
  expect(await run(['vault', 'check'])).toMatchObject({
    code: 2,
    err: expect.stringMatching(/--vault is required/),
  });
  expect(await run(['vault', 'check', '--vault', dir, '--bogus'])).toMatchObject({
    code: 2,
    err: expect.stringMatching(
      /^hearth vault: unknown option --bogus: nothing was done\nRun hearth vault --help for its options\.\n$/,
    ),
  });
  expect(
    await run(['vault', 'init', '--vault', join(dir, 'v'), '--kdf-memory-mib', '8'], {
      HEARTH_PASSPHRASE: PASSPHRASE,
    }),
  ).toMatchObject({
    code: 2,
    err: expect.stringMatching(/64, 128 or 256/),
  });
  // The --vault path is checked before a passphrase is asked for: no vault there is said with
  // the path and the next step (exit 2: a path to fix; newcomer 17, N17-9).
  expect(await run(['vault', 'check', '--vault', join(dir, 'v')])).toMatchObject({
    code: 2,
    err: expect.stringMatching(
      /VAULT_NOT_FOUND: No vault was found in .*\bv \(no hearth-vault\.db there\).*hearth vault init --vault/,
    ),
  });
  expect(
    await run([
      'vault',
      'init',
      '--vault',
      join(dir, 'v'),
      '--passphrase-file',
      join(dir, 'missing'),
    ]),
  ).toMatchObject({
    code: 2,
    err: expect.stringMatching(/the passphrase file .*missing was not found: check the path\n$/),
  });
  // A weak passphrase is refused by the contract, before anything is written.
  writeFileSync(passFile, 'short\n');
  expect(
    await run(['vault', 'init', '--vault', join(dir, 'v'), '--passphrase-file', passFile]),
  ).toMatchObject({
    code: 2,
    err: expect.stringMatching(/at least 12 characters/),
  });
  expect(existsSync(vaultFile(join(dir, 'v')))).toBe(false);
});

test('bin/hearth.js runs the built CLI (npm test builds first)', () => {
  const root = join(__dirname, '..', '..');
  expect(existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
  const help = execFileSync(process.execPath, [join(root, 'bin', 'hearth.js'), '--help'], {
    encoding: 'utf8',
  });
  expect(help).toMatch(/vault/);
  const bad = spawnSync(process.execPath, [join(root, 'bin', 'hearth.js'), 'nope'], {
    encoding: 'utf8',
  });
  expect(bad.status).toBe(2);
  // The package self-reference: import('hearth') exposes createCore.
  const typeOf = execFileSync(
    process.execPath,
    ['-e', "import('hearth').then(m => console.log(typeof m.createCore))"],
    { cwd: root, encoding: 'utf8' },
  );
  expect(typeOf.trim()).toBe('function');
});

test('vault recover: the printed kit sets a new passphrase and prints a new kit; files are read with a bound', async () => {
  const vault = join(dir, 'vault');
  const init = await run([
    'vault',
    'init',
    '--vault',
    vault,
    '--passphrase-file',
    passFile,
    '--kdf-memory-mib',
    '64',
  ]);
  const kit = /\n {4}([0-9A-Z-]{20,})\n/.exec(init.out)?.[1] ?? '';
  expect(kit).not.toBe('');
  const kitFile = join(dir, 'kit.txt');
  writeFileSync(kitFile, `${kit}\n`);
  const newPass = join(dir, 'new.txt');
  writeFileSync(newPass, 'another very good passphrase\n');

  const recovered = await run([
    'vault',
    'recover',
    '--vault',
    vault,
    '--kit-file',
    kitFile,
    '--passphrase-file',
    newPass,
  ]);
  expect(recovered).toMatchObject({ code: 0, err: '' });
  expect(recovered.out).toMatch(/NEW RECOVERY KIT/);
  expect(recovered.out).not.toContain(kit);
  expect(
    await run(['vault', 'check', '--vault', vault, '--passphrase-file', newPass]),
  ).toMatchObject({ code: 0 });
  expect(
    await run(['vault', 'check', '--vault', vault, '--passphrase-file', passFile]),
  ).toMatchObject({
    code: 1,
    err: expect.stringMatching(/BAD_PASSPHRASE/),
  });
  // The old kit was replaced.
  expect(
    await run([
      'vault',
      'recover',
      '--vault',
      vault,
      '--kit-file',
      kitFile,
      '--passphrase-file',
      newPass,
    ]),
  ).toMatchObject({ code: 1, err: expect.stringMatching(/BAD_RECOVERY_KEY/) });
  // /dev/zero is not a passphrase file: refused at once, not read without bound.
  expect(
    await run(['vault', 'check', '--vault', vault, '--passphrase-file', '/dev/zero']),
  ).toMatchObject({ code: 2, err: expect.stringMatching(/larger than 4096 bytes/) });
});
