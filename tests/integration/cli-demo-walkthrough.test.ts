// The README's command list walked end to end without the desktop app (newcomer 26, F1 and F5):
// `hearth demo` makes a new vault with one synthetic sealed interview and one open one; then
// sessions list, keys, export (plain and to a recipient), verify, open, sessions add-recording
// and verify --recording run on it as the README shows them. Every command of the README's list
// must be one the CLI knows (so the list cannot drift from the CLI again).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { runCaptured } from '../helpers/cli-run';
import { removeDir, tempDir } from '../helpers/core';

// Argon2id at every unlock (seconds on a loaded machine); nothing here is about speed.
jest.setTimeout(300_000);

const PASSPHRASE = 'a demo passphrase for the walk';

let dir: string;
let vault: string;
let video: string;
const env = (): NodeJS.ProcessEnv => ({ HEARTH_PASSPHRASE: PASSPHRASE });
const run = (argv: string[]) => runCaptured(runCli, argv, env());

beforeAll(() => {
  dir = tempDir('hearth-demo-');
  vault = join(dir, 'demo-vault');
  video = join(dir, 'video.mp4');
  writeFileSync(video, Buffer.from('synthetic video bytes for the demo walk'.repeat(100)));
});
afterAll(() => removeDir(dir));

test("every command in the README's command list is one the CLI knows", async () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const block = readme.split('## Command line')[1]?.split('```sh')[1]?.split('```')[0] ?? '';
  const commands = block
    .split('\n')
    .map((line) => /node bin\/hearth\.js (\S+)(?: +(\S+))?/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  expect(commands.length).toBeGreaterThan(10);
  const names = new Set(commands.map((m) => m[1]));
  for (const wanted of ['demo', 'sessions', 'export', 'verify', 'open', 'keys'])
    expect(names).toContain(wanted);
  expect(block).toMatch(/sessions add-recording/);
  expect(block).toMatch(/export identity/);
  for (const m of commands) {
    const help = await runCaptured(runCli, [m[1] as string, '--help']);
    expect({ command: m[1], code: help.code }).toEqual({ command: m[1], code: 0 });
  }
});

test('demo, then the README walk: list, export, verify, open, add-recording, verify --recording', async () => {
  const made = await run([
    'demo',
    '--vault',
    vault,
    '--recording',
    video,
    '--kdf-memory-mib',
    '64',
  ]);
  expect(made).toMatchObject({ code: 0 });
  expect(made.out).toMatch(/RECOVERY KIT/);
  expect(made.out).toMatch(/DEMO-SYNTHETIC \(synthetic: no real child\)/);

  const listed = await run(['sessions', 'list', '--vault', vault, '--json']);
  expect(listed.code).toBe(0);
  const sessions = (JSON.parse(listed.out) as { sessions: Array<Record<string, string>> }).sessions;
  expect(sessions.map((s) => [s.caseReference, s.status]).sort()).toEqual([
    ['DEMO-SYNTHETIC', 'active'],
    ['DEMO-SYNTHETIC', 'sealed'],
  ]);
  const sealed = sessions.find((s) => s.status === 'sealed')?.sessionId as string;
  const open = sessions.find((s) => s.status === 'active')?.sessionId as string;

  const centre = join(dir, 'centre.pub');
  expect(await run(['keys', 'centre', '--vault', vault, '--out', centre])).toMatchObject({
    code: 0,
  });
  const staff = join(dir, 'staff-keys.txt');
  expect(await run(['keys', 'staff', '--vault', vault, '--out', staff])).toMatchObject({ code: 0 });

  const bundles = join(dir, 'bundles');
  mkdirSync(bundles);
  expect(
    await run(['export', '--vault', vault, '--session', sealed, '--out', bundles]),
  ).toMatchObject({ code: 0 });
  const [folder] = readdirSync(bundles);
  const bundle = join(bundles, folder as string);
  // The transcript says what it is: an invented interview.
  expect(readFileSync(join(bundle, 'transcript.txt'), 'utf8')).toMatch(
    /Synthetic demonstration interview/,
  );

  const verified = await run(['verify', bundle, '--key', centre, '--staff', staff]);
  expect(verified.code).toBe(0);
  expect(verified.out.split('\n')[0]).toMatch(/^VALID/);

  const matches = await run(['verify', bundle, '--key', centre, '--recording', video]);
  expect(matches.code).toBe(0);
  expect(matches.out.split('\n')[0]).toMatch(/^VALID.*; RECORDING MATCHES$/);

  // F5: the wrong video's verdict is on the first line, not only the last.
  const other = join(dir, 'other.mp4');
  writeFileSync(other, 'another video');
  const differs = await run(['verify', bundle, '--key', centre, '--recording', other]);
  expect(differs.code).toBe(1);
  expect(differs.out.split('\n')[0]).toMatch(
    /^RECORDING DOES NOT MATCH \(see the last line\); VALID/,
  );
  expect(differs.out.trimEnd().split('\n').pop()).toMatch(/^RECORDING DOES NOT MATCH: /);

  // The prosecutor's side with an office identity: export to it, verify and open.
  const identity = join(dir, 'office.identity');
  expect(
    await run(['export', 'identity', '--out', identity, '--label', 'DA Office']),
  ).toMatchObject({ code: 0 });
  const sealedOut = join(dir, 'sealed');
  mkdirSync(sealedOut);
  expect(
    await run([
      'export',
      '--vault',
      vault,
      '--session',
      sealed,
      '--out',
      sealedOut,
      '--recipient',
      `${identity}.pub`,
    ]),
  ).toMatchObject({ code: 0 });
  const [sealedFile] = readdirSync(sealedOut);
  const encrypted = join(sealedOut, sealedFile as string);
  expect(await run(['verify', encrypted, '--key', centre, '--identity', identity])).toMatchObject({
    code: 0,
  });
  const opened = join(dir, 'opened');
  mkdirSync(opened);
  const openArgs = ['open', encrypted, '--key', centre, '--identity', identity, '--out', opened];
  const open1 = await run(openArgs);
  expect(open1.code).toBe(0);
  // Opened again into the same folder: the folder is named, with what was not changed (m3).
  const again = await run(openArgs);
  expect(again.code).toBe(1);
  expect(again.err).toContain(
    `hearth open: CONFLICT: ${opened} already holds a folder with this bundle's name (opened here before?): nothing was written`,
  );

  // add-recording on the demo's open interview.
  const added = await run([
    'sessions',
    'add-recording',
    '--vault',
    vault,
    '--session',
    open,
    '--recording',
    video,
    '--label',
    'Camera 1',
  ]);
  expect(added.code).toBe(0);
  expect(added.out).toMatch(/Recording fingerprint added/);
});

test('demo refuses an existing vault before asking anything, and changes nothing in it', async () => {
  const existing = join(dir, 'existing');
  expect(await run(['vault', 'init', '--vault', existing, '--kdf-memory-mib', '64'])).toMatchObject(
    { code: 0 },
  );
  const before = readFileSync(join(existing, 'hearth-vault.db'));
  const refused = await runCaptured(runCli, ['demo', '--vault', existing]);
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(
    /VAULT_EXISTS: A vault already exists in .*existing: nothing was changed/,
  );
  expect(refused.err).not.toMatch(/Usage:/);
  expect(readFileSync(join(existing, 'hearth-vault.db')).equals(before)).toBe(true);
});
