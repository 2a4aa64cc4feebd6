// Red team 17, R17-2: whoever holds the vault file (no key needed) added thousands of
// `key_certs` rows for allegation keys of cases that do not exist, signed in the clear by a
// made-up key. Every admin sign-in looked up each one's case creation (an index read per row)
// and walked the whole audit log to find the rest. Now an admin's sign-in never reads them (one
// SQL statement leaves out rows whose case does not exist), and `vault check` names them
// (KEY_CERT_ORPHAN: how many, and the first few key ids). Work is counted, never timed: the SQL
// statements run, the rows they return, the records decrypted and the audit log pages listed
// during an admin's unlock are the same with 2,000 junk rows as with none.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { makeCase, type Problem } from '../../helpers/red-team';
import { counted, type Counts } from '../../helpers/work-counter';

jest.setTimeout(300_000);

/** `count` certificate rows for allegation keys of cases that do not exist, signer in the clear. */
function addJunk(dir: string, count: number): string[] {
  const db = new Database(vaultFile(dir));
  const ids: string[] = [];
  try {
    const insert = db.prepare(
      "INSERT INTO key_certs (key_id, kind, commitment, signer, signature) VALUES (?, 'secret', ?, ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = `allegation:case_${randomBytes(16).toString('hex')}@1`;
        insert.run(id, randomBytes(32), randomBytes(32), randomBytes(64));
        ids.push(id);
      }
    })();
  } finally {
    db.close();
  }
  return ids.sort();
}

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

test('2,000 junk key certificate rows: an admin sign-in does the same work as with none, and vault check names them', async () => {
  const core = await makeVault();
  const dirs = [core.vaultDir, tempDir(), tempDir()];
  try {
    await call(core, 'users.add', {
      username: 'ola',
      displayName: 'OLA',
      role: 'interviewer',
      passphrase: 'another long passphrase here',
    });
    for (let i = 0; i < 3; i++) await makeCase(core, `CAC-${i}`);
    await call(core, 'vault.lock', {});
    core.close();
    // Three identical copies: none, 20 and 2,000 junk rows.
    cpSync(dirs[0]!, dirs[1]!, { recursive: true });
    cpSync(dirs[0]!, dirs[2]!, { recursive: true });
    addJunk(dirs[1]!, 20);
    const junk = addJunk(dirs[2]!, 2_000);

    const none = await adminUnlock(dirs[0]!);
    const some = await adminUnlock(dirs[1]!);
    const many = await adminUnlock(dirs[2]!);
    // Before the fix: 2,000 more rows read, 2,000 index lookups and one whole log walk.
    expect(some).toEqual(none);
    expect(many).toEqual(none);

    const checker = makeCore(dirs[2]);
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
          values: { count: 2_000, first: junk.slice(0, 5).join(', ') },
          detail: expect.stringMatching(
            /^2000 key certificate row\(s\) .* and 1995 more\).*hearth vault restore/,
          ),
        }),
      ]);
    } finally {
      checker.close();
    }
    // The clean copy has no such finding (genuine certificates are not orphans).
    const clean = makeCore(dirs[0]);
    try {
      await call(clean, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect((await call(clean, 'vault.check', {})).problems).toEqual([]);
    } finally {
      clean.close();
    }
  } finally {
    for (const dir of dirs) removeDir(dir);
  }
});
