// Red team 24, "Observations": `hearth vault restore --from` a backup whose audit entry 5 had been
// changed restored it and signed it as the admin's act, without a word. Now the backup's audit log
// is walked (in the staged copy, after the admin's sign-in) before it goes in place: a changed
// entry refuses the restore (exit 2, naming the entry, en and es), nothing in the vault folder is
// changed, and --accept-damaged-log restores it knowingly (the only backup may be all there is).
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../src/cli/main';
import { runCaptured } from '../../helpers/cli-run';
import { removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

const PASSPHRASE = 'a very good passphrase';
const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runCaptured(runCli, argv, env);

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(folder, name))).digest('hex')]),
  );
}

test('a backup whose audit entry 5 was changed is refused, naming it; --accept-damaged-log restores it', async () => {
  const dir = tempDir();
  try {
    const vault = join(dir, 'vault');
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const args = ['--vault', vault, '--passphrase-file', passFile];
    expect((await run(['vault', 'init', ...args, '--kdf-memory-mib', '64'])).code).toBe(0);
    // A few entries: each check and backup signs in (vault.unlock) and out.
    for (let i = 0; i < 3; i++) expect((await run(['vault', 'check', ...args])).code).toBe(0);
    const good = join(dir, 'good.db');
    expect((await run(['vault', 'backup', ...args, '--out', good])).code).toBe(0);

    const altered = join(dir, 'altered.db');
    copyFileSync(good, altered);
    const db = new Database(altered);
    const row = db.prepare('SELECT ciphertext FROM audit_log WHERE seq = 5').get() as { ciphertext: Buffer };
    const changed = Buffer.from(row.ciphertext);
    changed[changed.length - 1]! ^= 1;
    db.prepare('UPDATE audit_log SET ciphertext = ? WHERE seq = 5').run(changed);
    db.close();

    const before = snapshot(vault);
    for (const [lang, words] of [['en_US.UTF-8', 'fails verification at entry 5'], ['es_MX.UTF-8', 'no pasa la verificación en la entrada 5']] as const) {
      const refused = await run(['vault', 'restore', ...args, '--from', altered, '--replace'], { LANG: lang });
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(words);
      // The override comes last, after the safer next step (review25 F20).
      expect(refused.err.indexOf('--accept-damaged-log')).toBeGreaterThan(
        refused.err.search(/Next: restore from another copy|Siguiente paso/),
      );
      expect(snapshot(vault)).toEqual(before);
    }

    // The sound backup restores as before.
    expect((await run(['vault', 'restore', ...args, '--from', good, '--replace'])).code).toBe(0);
    // Knowingly: restored, and the check then names the changed entry.
    const accepted = await run(['vault', 'restore', ...args, '--from', altered, '--replace', '--accept-damaged-log']);
    expect(accepted.code).toBe(0);
    const check = await run(['vault', 'check', ...args]);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/audit 5\b/);
  } finally {
    removeDir(dir);
  }
});
