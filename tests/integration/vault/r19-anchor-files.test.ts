// Red team 19, R19-5: the audit anchor was read whole before its 64 KiB limit was checked, and
// through symbolic links: a 1.9 GiB sparse file cost 13 s and 2.17 GB of memory at each unlock,
// a FIFO hung the unlock, a symbolic link to /dev/zero never answered. Whoever can write the
// vault folder (or the folder of the second copy) needs no key for that. Now each copy is opened
// without following a link and without waiting (O_NOFOLLOW | O_NONBLOCK), must be a regular file
// of at most 64 KiB, and at most 64 KiB + 1 bytes are read. Such a copy is a damaged anchor: the
// admin's unlock says so, naming the file and why; Hearth replaces it with a regular anchor.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, lstatSync, openSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAnchorFile } from '../../../src/vault';
import {
  ADMIN,
  call,
  callError,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';
import { PASS } from '../../helpers/red-team';

jest.setTimeout(180_000);

/** Whether this platform makes FIFOs (mkfifo); Windows does not. */
function hasMkfifo(): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    // BSD mkfifo has no --version but exists: try making one.
    const dir = tempDir();
    try {
      execFileSync('mkfifo', [join(dir, 'probe')], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      removeDir(dir);
    }
  }
}

const plants: Array<{
  name: string;
  plant: (file: string) => void;
  problem: RegExp;
  skip?: boolean;
}> = [
  {
    name: 'a symbolic link to /dev/zero',
    plant: (file) => symlinkSync('/dev/zero', file),
    problem: /symbolic link/,
    skip: process.platform === 'win32',
  },
  {
    name: 'a FIFO',
    plant: (file) => execFileSync('mkfifo', [file]),
    problem: /not a regular file/,
    skip: !hasMkfifo(),
  },
  {
    // Sparse: 2 GiB of stated size, no disk space used.
    name: 'a 2 GiB sparse file',
    plant: (file) => {
      const fd = openSync(file, 'w');
      try {
        ftruncateSync(fd, 2 * 1024 ** 3);
      } finally {
        closeSync(fd);
      }
    },
    problem: /larger than 64 KiB/,
  },
];

for (const { name, plant, problem, skip } of plants)
  for (const copy of ['folder', 'second'] as const)
    (skip ? test.skip : test)(
      `the ${copy} anchor copy replaced by ${name}: a damaged anchor, named, never a hang; replaced at the next write`,
      async () => {
        const outside = tempDir();
        const anchorCopy = join(outside, 'anchor-copy.json');
        const core = await makeVault({ anchorCopy });
        const dir = core.vaultDir;
        try {
          await call(core, 'users.add', {
            username: 'ivan',
            displayName: 'IVAN',
            role: 'interviewer',
            passphrase: PASS,
          });
          await call(core, 'vault.lock', {});
          core.close();
          const file = copy === 'folder' ? defaultAnchorFile(dir) : anchorCopy;
          rmSync(file);
          plant(file);

          const again = makeCore(dir, { anchorCopy });
          try {
            // Rollback cannot be ruled out: an interviewer waits for an admin (R8-A), as for
            // any damaged anchor; the answer comes at once.
            const refused = await callError(again, 'vault.unlock', {
              username: 'ivan',
              passphrase: PASS,
            });
            expect(refused.code).toBe('FORBIDDEN');
            const user = await call(again, 'vault.unlock', {
              username: ADMIN.username,
              passphrase: ADMIN.passphrase,
            });
            expect(user.anchorMissing?.status).toBe('unreadable');
            expect(user.anchorMissing?.message).toContain(file);
            expect(user.anchorMissing?.message).toMatch(problem);
            expect(user.anchorMissing?.message).toMatch(
              /rollback of this vault cannot be ruled out/,
            );
            await call(again, 'vault.lock', {});
            // The planted entry was replaced by Hearth's own regular anchor file.
            const now = lstatSync(file);
            expect(now.isFile()).toBe(true);
            expect(now.size).toBeLessThanOrEqual(64 * 1024);
            await call(again, 'vault.unlock', { username: 'ivan', passphrase: PASS });
            const status = await call(again, 'vault.status', {});
            expect(status.user?.anchorMissing).toBeUndefined();
          } finally {
            again.close();
          }
        } finally {
          removeDir(dir);
          removeDir(outside);
        }
      },
    );
