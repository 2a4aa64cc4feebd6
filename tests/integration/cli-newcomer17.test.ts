// What a newcomer following the README met at the command line (newcomer 17, issues #16 and
// #22): every command follows the README's exit-code table (2: usage or input to fix), names the
// path and the next step, says what a key file is when it is given to the wrong option, and
// speaks in the user's words, not the contract's field names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { withheldText } from '../../src/cli/commands/open';
import { invalidInputInWords } from '../../src/cli/field-words';
import { vaultFile } from '../../src/vault';
import { removeDir, tempDir } from '../helpers/core';

// Argon2id runs at every unlock (seconds on a loaded machine); nothing here is about speed.
jest.setTimeout(120_000);

const PASSPHRASE = 'a very good passphrase';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.end();
  const code = await runCli(argv, {
    stdin,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
  });
  return { code, out, err };
}

let dir: string;
let vault: string;
let passFile: string;
let centrePub: string;
let staffList: string;
let identity: string;

beforeAll(async () => {
  dir = tempDir('hearth-cli17-');
  vault = join(dir, 'vault');
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  const pass = ['--passphrase-file', passFile];
  expect(
    await run(['vault', 'init', '--vault', vault, ...pass, '--kdf-memory-mib', '64']),
  ).toMatchObject({ code: 0 });
  centrePub = join(dir, 'centre.pub');
  staffList = join(dir, 'staff-keys.txt');
  identity = join(dir, 'office.identity');
  expect(
    await run(['keys', 'centre', '--vault', vault, ...pass, '--out', centrePub]),
  ).toMatchObject({ code: 0 });
  expect(await run(['keys', 'staff', '--vault', vault, ...pass, '--out', staffList])).toMatchObject(
    { code: 0 },
  );
  expect(await run(['export', 'identity', '--out', identity])).toMatchObject({ code: 0 });
});
afterAll(() => removeDir(dir));

/** A bundle path with nothing at it, outside the folder the key files are in. */
const noBundle = (): string => join(dir, 'nothing', 'bundle');

/** Exit 2, the message names `what`, and no usage text or internal error is printed. */
function expectInputToFix(result: { code: number; err: string }, what: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.err).toMatch(what);
  expect(result.err).not.toMatch(/Usage:|INTERNAL|unexpected error/);
}

test('vault init on a file, the vault file itself or a path under a file: exit 2 with the path and what to give (N17-9)', async () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const env = { HEARTH_PASSPHRASE: PASSPHRASE };
  expectInputToFix(
    await run(['vault', 'init', '--vault', file], env),
    /--vault .*a-file is a file, not a folder: give the folder that holds the vault, or for hearth vault init a new folder name/,
  );
  expectInputToFix(
    await run(['vault', 'init', '--vault', vaultFile(vault)], env),
    /is the vault file itself: give the folder that holds it \(--vault .*vault\)/,
  );
  expectInputToFix(
    await run(['vault', 'init', '--vault', join(file, 'sub')], env),
    /part of this path is a file, not a folder/,
  );
});

test('a folder without a vault: each command that opens one names the path and `hearth vault init` (exit 2, N17-9)', async () => {
  const empty = join(dir, 'no-vault-here');
  const env = { HEARTH_PASSPHRASE: PASSPHRASE };
  for (const argv of [
    ['vault', 'check', '--vault', empty],
    ['vault', 'backup', '--vault', empty, '--out', join(dir, 'b.db')],
    ['vault', 'recover', '--vault', empty],
    ['sessions', 'list', '--vault', empty],
    ['keys', 'centre', '--vault', empty],
    ['export', '--vault', empty, '--session', 's', '--out', dir],
  ]) {
    const result = await run(argv, env);
    expectInputToFix(
      result,
      /VAULT_NOT_FOUND: No vault was found in .*no-vault-here \(no hearth-vault\.db there\)\. Check the --vault path, or create a vault there with: hearth vault init --vault /,
    );
  }
});

test('a missing file given to any command that reads one: exit 2 naming the file, without the usage text (N17-6)', async () => {
  const missing = (name: string): string => join(dir, 'missing', name);
  const env = { HEARTH_PASSPHRASE: PASSPHRASE };
  const cases: Array<[string[], RegExp]> = [
    [
      ['vault', 'init', '--vault', join(dir, 'v2'), '--passphrase-file', missing('pass.txt')],
      /the passphrase file .*pass\.txt was not found: check the path/,
    ],
    [
      ['vault', 'check', '--vault', vault, '--passphrase-file', missing('pass.txt')],
      /the passphrase file .*pass\.txt was not found/,
    ],
    [
      ['vault', 'restore', '--vault', join(dir, 'v3'), '--from', missing('backup.db')],
      /--from: the backup file .*backup\.db was not found/,
    ],
    [
      ['vault', 'recover', '--vault', vault, '--kit-file', missing('kit.txt')],
      /the recovery kit file .*kit\.txt was not found/,
    ],
    [
      ['vault', 'confirm-audit-start', '--vault', vault, '--backup', missing('old.db')],
      /--backup: the backup file .*old\.db was not found/,
    ],
    [
      ['vault', 'backup', '--vault', vault, '--out', missing('b.db')],
      /--out .*b\.db: the folder .*missing does not exist; create it first/,
    ],
    [
      ['keys', 'centre', '--vault', vault, '--out', missing('c.pub')],
      /the folder .*missing does not exist/,
    ],
    [
      ['export', '--vault', vault, '--session', 's', '--out', dir, '--recipient', missing('o.pub')],
      /the --recipient file .*o\.pub was not found/,
    ],
    [
      [
        'export',
        '--vault',
        vault,
        '--session',
        's',
        '--out',
        dir,
        '--encrypt-passphrase-file',
        missing('p.txt'),
      ],
      /the passphrase file .*p\.txt was not found/,
    ],
    [
      [
        'sessions',
        'add-recording',
        '--vault',
        vault,
        '--session',
        's',
        '--recording',
        missing('v.mp4'),
      ],
      /--recording: the recording .*v\.mp4 was not found/,
    ],
    [
      ['verify', noBundle(), '--key', missing('centre.pub')],
      /the --key file .*centre\.pub was not found/,
    ],
    [
      ['verify', noBundle(), '--key', centrePub, '--staff', missing('staff.txt')],
      /cannot read the staff list .*staff\.txt: it was not found/,
    ],
    [
      ['verify', noBundle(), '--key', centrePub, '--identity', missing('office.identity')],
      /the --identity file .*office\.identity was not found/,
    ],
    [['verify', missing('bundle'), '--key', centrePub], /no bundle at this path/i],
    [
      [
        'open',
        missing('b.hearth-sealed'),
        '--key',
        centrePub,
        '--identity',
        missing('id'),
        '--out',
        dir,
      ],
      /the identity file .*id was not found/,
    ],
    [['verify-set', missing('b1'), missing('b2'), '--key', centrePub], /no bundle at .*b1, .*b2/],
    [
      ['classify', '--lang', 'en', '--earlier', missing('earlier.txt')],
      /--earlier file was not found/,
    ],
    [['transcript', missing('interview.vtt'), '--lang', 'en'], /interview\.vtt was not found/],
  ];
  for (const [argv, message] of cases) {
    const result = await run(argv, env);
    expectInputToFix(result, message);
  }
  // open: the reason goes to stdout with "Nothing was written"; no bundle there is still input
  // to fix, not a bundle found invalid.
  const open = await run([
    'open',
    missing('b.hearth-sealed'),
    '--key',
    centrePub,
    '--identity',
    identity,
    '--out',
    dir,
  ]);
  expect(open).toMatchObject({ code: 2, out: expect.stringMatching(/no bundle at this path/i) });
});

test('a key file given to the wrong option says what it is and which option takes it (N17-8)', async () => {
  const encrypted = join(dir, 'x.hearth-sealed');
  writeFileSync(encrypted, 'not really');
  const cases: Array<[string[], RegExp]> = [
    [
      ['verify', noBundle(), '--key', identity],
      /office\.identity is an identity file \(an office's secret key, from hearth export identity; keep it private\)\. It goes with --identity .*--key takes the centre's public key/,
    ],
    [
      ['verify', noBundle(), '--key', `${identity}.pub`],
      /office\.identity\.pub is a recipient public key .*It goes with --recipient .*--key takes the centre's public key/,
    ],
    [
      ['verify', noBundle(), '--key', staffList],
      /staff-keys\.txt is a staff list \(hearth keys staff\)\. It goes with --staff/,
    ],
    [
      ['verify', noBundle(), '--key', `${staffList}.minisig`],
      /is a minisign signature \(\.minisig\)\. It stays beside the file it signs/,
    ],
    [
      ['verify', encrypted, '--key', centrePub, '--identity', centrePub],
      /centre\.pub is a minisign public key \(a centre key, from hearth keys centre\)\. It goes with --key\. --identity takes your office's identity file/,
    ],
    [
      ['open', encrypted, '--key', identity, '--identity', identity, '--out', dir],
      /is an identity file .*It goes with --identity/,
    ],
    [['verify-set', encrypted, encrypted, '--key', `${identity}.pub`], /is a recipient public key/],
    [
      ['export', '--vault', vault, '--session', 's', '--out', dir, '--recipient', identity],
      /office\.identity is an identity file .*--recipient takes the receiving office's public key \(the FILE\.pub/,
    ],
    [
      ['export', '--vault', vault, '--session', 's', '--out', dir, '--recipient', centrePub],
      /centre\.pub is a minisign public key .*--recipient takes/,
    ],
  ];
  for (const [argv, message] of cases) {
    const result = await run(argv, { HEARTH_PASSPHRASE: PASSPHRASE });
    expectInputToFix(result, message);
    // What a key file holds is never echoed.
    expect(result.err).not.toMatch(/hearth-identity:|RW[A-Za-z0-9+/]{20}/);
  }
  // The Spanish report language says the same in Spanish.
  const es = await run(['verify', noBundle(), '--key', identity, '--lang', 'es']);
  expectInputToFix(es, /es un archivo de identidad .*Va con --identity/);
});

test('the CLI speaks in the user\'s words: options, not contract field names; "team (MDT)", not "mdt" (N17-7)', async () => {
  const badUser = await run(['vault', 'init', '--vault', join(dir, 'v4'), '--user', 'José'], {
    HEARTH_PASSPHRASE: PASSPHRASE,
  });
  expect(badUser.code).toBe(2);
  expect(badUser.err).toMatch(/INVALID_INPUT: Invalid input\. user name \(--user\): /);
  expect(badUser.err).not.toMatch(/\busername:/);
  expect(
    invalidInputInWords(
      'Invalid input. recipientKey: Too big; choices.includeCoding: Expected boolean',
    ),
  ).toBe(
    'Invalid input. recipient key (--recipient): Too big; choices include coding: Expected boolean',
  );
  expect(withheldText({ mdt: 2, observation: 1, 'planning-record': 1 })).toBe(
    "2 team (MDT) notes, 1 observation note, the case's planning record",
  );
  // --exclude-kind takes the user's word for the team's notes; a wrong kind lists them.
  const kinds = await run(
    ['export', '--vault', vault, '--session', 's', '--out', dir, '--exclude-kind', 'teams'],
    { HEARTH_PASSPHRASE: PASSPHRASE },
  );
  expect(kinds.code).toBe(2);
  expect(kinds.err).toMatch(/--exclude-kind must be one of question, child, observation, team/);
  const team = await run(
    ['export', '--vault', vault, '--session', 'nosuch', '--out', dir, '--exclude-kind', 'Team'],
    { HEARTH_PASSPHRASE: PASSPHRASE },
  );
  // Accepted: the export goes on to look for the session, and says how to find its id.
  expect(team.err).toMatch(/NOT_FOUND: .*hearth sessions list --vault DIR/);
});
