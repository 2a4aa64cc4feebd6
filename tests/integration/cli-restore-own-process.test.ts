// Newcomer 17, N17-1: `hearth vault restore` run as its own process (as the README shows it, after
// init and backup in earlier commands) failed with "TAMPERED: this key slot is malformed" for every
// backup: the restore opens the backup's key slot without a core, and libsodium was never loaded
// in that process. cli-vault.test.ts missed it because init and backup had loaded it in the same
// module registry. Here the restore runs in a fresh registry, as a new process would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as CliMain from '../../src/cli/main';
import { runCaptured, type RunCli } from '../helpers/cli-run';
import { removeDir, tempDir } from '../helpers/core';

jest.setTimeout(600_000);

const PASSPHRASE = 'a very good passphrase';

const run = (runCli: RunCli, argv: string[]) => runCaptured(runCli, argv);

/** The CLI from a module registry of its own: nothing loaded by an earlier command. */
function freshCli(): RunCli {
  let runCli: RunCli | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh registry needs require
    runCli = (require('../../src/cli/main') as typeof CliMain).runCli;
  });
  if (!runCli) throw new Error('the CLI did not load');
  return runCli;
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

test('restore in a process of its own opens a good backup and the restored vault checks clean', async () => {
  const passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  const vault = join(dir, 'vault');
  const backup = join(dir, 'backup.db');
  const pass = ['--passphrase-file', passFile];
  expect(
    await run(freshCli(), ['vault', 'init', '--vault', vault, ...pass, '--kdf-memory-mib', '64']),
  ).toMatchObject({ code: 0 });
  expect(
    await run(freshCli(), ['vault', 'backup', '--vault', vault, ...pass, '--out', backup]),
  ).toMatchObject({ code: 0 });

  const restored = join(dir, 'restored');
  const restore = await run(freshCli(), [
    'vault',
    'restore',
    '--vault',
    restored,
    '--from',
    backup,
    ...pass,
  ]);
  expect(restore.err).toBe('');
  expect(restore).toMatchObject({ code: 0, out: expect.stringContaining('vault restored into') });
  expect(await run(freshCli(), ['vault', 'check', '--vault', restored, ...pass])).toMatchObject({
    code: 0,
  });
});
