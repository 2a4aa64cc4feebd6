// Red team 18, R18-3 (R17-2 bypass): the SQL filter that picks the key_certs rows an admin's
// sign-in binds read a row's case id up to the FIRST '@', while the key-id parser splits at the
// LAST '@'. One row `allegation:<real case>@0x@1` (made-up signer and signature, no key needed)
// passed the filter as the real case, parsed as a version of `allegation:<real case>@0x`, whose
// "case" has no creation pointer: every admin sign-in walked (decrypted) the whole audit log.
// Now both read the case id the same way (one definition next to the parser): the sign-in does
// the same work as with no junk row, and `vault check` still names it (KEY_CERT_ORPHAN). Work is
// counted, never timed.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { makeCase, type Problem } from '../../helpers/red-team';
import { counted, type Counts } from '../../helpers/work-counter';

jest.setTimeout(300_000);

/** The work of one admin unlock of the vault in `dir` (the core then closed). */
async function adminUnlock(dir: string): Promise<Counts> {
  const core = makeCore(dir);
  try {
    return await counted(() =>
      call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
    );
  } finally {
    core.close();
  }
}

test("a key_certs row naming a real case followed by a second '@': an admin sign-in does no extra work, and vault check names it", async () => {
  const core = await makeVault();
  const dirs = [core.vaultDir, tempDir()];
  try {
    const caseIds: string[] = [];
    for (let i = 0; i < 12; i++) caseIds.push(await makeCase(core, `CAC-${i}`));
    await call(core, 'vault.lock', {});
    core.close();
    cpSync(dirs[0]!, dirs[1]!, { recursive: true });
    const junk = `allegation:${caseIds[0]}@0x@1`;
    const db = new Database(vaultFile(dirs[1]!));
    try {
      db.prepare(
        "INSERT INTO key_certs (key_id, kind, commitment, signer, signature) VALUES (?, 'secret', ?, ?, ?)",
      ).run(junk, randomBytes(32), randomBytes(32), randomBytes(64));
    } finally {
      db.close();
    }

    const clean = await adminUnlock(dirs[0]!);
    const planted = await adminUnlock(dirs[1]!);
    // Before the fix: the row was read, and the whole log listed and decrypted at each sign-in.
    expect(planted.logPages).toBe(clean.logPages);
    expect(planted.decrypted).toBe(clean.decrypted);
    expect(planted).toEqual(clean);
    // And at the next sign-in too (nothing was "bound" or settled by the first).
    expect(await adminUnlock(dirs[1]!)).toEqual(clean);

    const checker = makeCore(dirs[1]);
    try {
      await call(checker, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      const { problems } = (await call(checker, 'vault.check', {})) as { problems: Problem[] };
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'KEY_CERT_ORPHAN',
          id: 'key_certs',
          values: { count: 1, first: junk },
        }),
      ]);
    } finally {
      checker.close();
    }
  } finally {
    for (const dir of dirs) removeDir(dir);
  }
});
