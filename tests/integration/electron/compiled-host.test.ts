// What Electron's utilityProcess runs is the compiled host (dist/electron/core-host.js), with
// no tsx in sight. Compile the shell the way `npm run build:electron` does, into a scratch
// folder inside the project (so the vault still finds migrations/ by walking up), and check
// that the compiled host answers, speaking the same protocol, and that locking ends it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CoreHostClient } from '../../../electron/host-client';
import { forkHostSpawner } from '../../../electron/host-spawn-node';
import { ADMIN, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const root = join(__dirname, '../../..');
let outDir: string;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  outDir = mkdtempSync(join(root, '.tmp', 'electron-build-'));
  // Type errors are `npm run typecheck`'s business; tsc emits regardless, which is all we need.
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'electron/tsconfig.json'),
        '--outDir',
        outDir,
        '--sourceMap',
        'false',
      ],
      { stdio: 'pipe' },
    );
  } catch {
    // Checked below: the emitted files must exist.
  }
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the compiled shell has main, preload and host, and the host runs on plain Node', async () => {
  for (const file of ['main.js', 'preload.js', 'core-host.js']) {
    expect(existsSync(join(outDir, 'electron', file))).toBe(true);
  }
  const setup = await makeVault();
  setup.close();
  const client = new CoreHostClient({
    spawn: forkHostSpawner({
      modulePath: join(outDir, 'electron', 'core-host.js'),
      vaultDir: setup.vaultDir,
    }),
  });
  try {
    expect(await client.invoke('vault.status', {})).toEqual({
      ok: true,
      value: { exists: true, unlocked: false },
    });
    expect(
      await client.invoke('vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      }),
    ).toEqual({
      ok: true,
      value: { username: 'admin', role: 'admin', displayName: ADMIN.displayName },
    });
    const pid = client.pid!;
    await client.lock('user');
    expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    await client.close();
    removeDir(setup.vaultDir);
  }
});
