// Red team 19, R19-4: whoever holds the vault file (no key needed) put in key_wraps rows for
// "newer" versions of the class keys (random bytes, holder 'user:ivan' or 'nobody'). Every
// sign-in read every version into memory and spread them into Math.max: 10,000 rows slowed the
// admin's sign-in, 100,000 every sign-in, and from about 150,000 every sign-in (the admin's too,
// so nobody could run vault check) failed with "Maximum call stack size exceeded". Now the
// current version is computed in SQL, from the versions that carry a certificate row only: a
// sign-in (admin and interviewer) does the same work with 200,000 junk rows as with none, and
// `vault check` still names them. Work is counted (statements, rows, decryptions, log pages),
// never timed.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { withGuardsLifted } from '../../helpers/lift-guards';
import { vaultFile } from '../../../src/vault';
import { MAX_UNVERIFIED_NEWER } from '../../../src/vault/key-store';
import { ADMIN, call, makeCore, removeDir, tempDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Problem } from '../../helpers/red-team';
import { counted, type Counts } from '../../helpers/work-counter';

jest.setTimeout(600_000);

/**
 * `count` junk wrap rows split over two class keys (versions from 2), as red team 19's scripts
 * put them in, plus `malformed` rows with a version Hearth never writes (2.5, 3.5, ...).
 */
function addJunkWraps(dir: string, count: number, malformed = 0): void {
  const db = new Database(vaultFile(dir));
  try {
    const insert = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const [logical, holder] =
          i % 2 === 0 ? ['class:case', 'user:ivan'] : ['class:directory', 'nobody'];
        insert.run(logical, 2 + Math.floor(i / 2), holder, randomBytes(24), randomBytes(80));
      }
      // The triggers that refuse such a version are lifted, as whoever holds the file can.
      if (malformed > 0)
        withGuardsLifted(db, () => {
          const bad = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
          for (let i = 0; i < malformed; i++)
            bad.run('class:case', 2.5 + i, 'user:ivan', randomBytes(24), randomBytes(80));
        });
    })();
  } finally {
    db.close();
  }
}

/** The work of one sign-in of `username` to the vault in `dir` (the core then closed). */
async function unlock(dir: string, username: string): Promise<Counts> {
  const core = makeCore(dir);
  try {
    const passphrase = username === ADMIN.username ? ADMIN.passphrase : PASS;
    return await counted(() => call(core, 'vault.unlock', { username, passphrase }));
  } finally {
    core.close();
  }
}

test('200,000 junk key-wrap rows: admin and interviewer sign in with the same work as with none, and vault check names them', async () => {
  const core = await vaultWithStaff([['ivan', 'interviewer']]);
  const dirs = [core.vaultDir, tempDir(), tempDir()];
  try {
    await call(core, 'vault.lock', {});
    core.close();
    cpSync(dirs[0]!, dirs[1]!, { recursive: true });
    cpSync(dirs[0]!, dirs[2]!, { recursive: true });
    addJunkWraps(dirs[1]!, 2_000);
    addJunkWraps(dirs[2]!, 200_000, 3);

    for (const who of ['ivan', ADMIN.username]) {
      const none = await unlock(dirs[0]!, who);
      const some = await unlock(dirs[1]!, who);
      const many = await unlock(dirs[2]!, who);
      // Before the fix: every version read (rows grew with the junk), then a RangeError at 200k.
      expect(some).toEqual(none);
      expect(many).toEqual(none);
    }

    // The interviewer still reaches exactly her role's data (the current case key is version 1).
    const ivan = makeCore(dirs[2]);
    try {
      await call(ivan, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      const made = await call(ivan, 'cases.create', {
        reference: 'CAC-1',
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'QALLEGQ',
        allegationBlind: false,
      });
      expect(made.caseId).toMatch(/^case_/);
    } finally {
      ivan.close();
    }

    const checker = makeCore(dirs[2]);
    try {
      await call(checker, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      const { problems, groups } = (await call(checker, 'vault.check', {})) as {
        problems: Problem[];
        groups: Array<{ code?: string; count: number; listed: number }>;
      };
      // Every junk version counted; the report lists the first 20 of them (perf22).
      expect(groups.find((g) => g.code === 'KEY_VERSION_UNCERTIFIED')).toMatchObject({
        count: 200_000,
        listed: 20,
      });
      const uncertified = problems.filter((p) => p.code === 'KEY_VERSION_UNCERTIFIED');
      expect(uncertified).toHaveLength(20);
      for (const p of uncertified)
        expect(p).toMatchObject({
          id: expect.stringMatching(/^class:(case|directory)@\d+$/),
          values: { key: p.id, holders: 'none' },
        });
      expect(problems.filter((p) => p.code === 'KEY_ROW_MALFORMED').map((p) => p.values)).toEqual([
        { table: 'key_wraps', row: '"class:case"', version: '"2.5"' },
        { table: 'key_wraps', row: '"class:case"', version: '"3.5"' },
        { table: 'key_wraps', row: '"class:case"', version: '"4.5"' },
        // The junk holders are not key ids either (each named once).
        { table: 'key_wraps', row: '"nobody"', version: '(none)' },
        { table: 'key_wraps', row: '"user:ivan"', version: '(none)' },
      ]);
      expect(
        problems.filter(
          (p) => !['KEY_VERSION_UNCERTIFIED', 'KEY_ROW_MALFORMED'].includes(p.code ?? ''),
        ),
      ).toEqual([]);
    } finally {
      checker.close();
    }
  } finally {
    for (const dir of dirs) removeDir(dir);
  }
});

test('junk wrap rows that also carry made-up certificates: a few are skipped; more than the old bound still signs in (R20-4), never a hang', async () => {
  const core = await vaultWithStaff([['ivan', 'interviewer']]);
  const dirs = [core.vaultDir, tempDir()];
  try {
    await call(core, 'vault.lock', {});
    core.close();
    cpSync(dirs[0]!, dirs[1]!, { recursive: true });
    // The centre key's public half, copied from a genuine certificate: each junk row costs a
    // signature check, which is why their number is bounded.
    const withCerts = (dir: string, count: number) => {
      const db = new Database(vaultFile(dir));
      try {
        const centre = (
          db.prepare("SELECT signer FROM key_certs WHERE key_id = 'class:case@1'").get() as {
            signer: Buffer;
          }
        ).signer;
        const wrap = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
        const cert = db.prepare("INSERT INTO key_certs VALUES (?, 'secret', ?, ?, ?)");
        db.transaction(() => {
          for (let v = 2; v < 2 + count; v++) {
            wrap.run('class:case', v, 'user:ivan', randomBytes(24), randomBytes(80));
            cert.run(`class:case@${v}`, randomBytes(32), centre, randomBytes(64));
          }
        })();
      } finally {
        db.close();
      }
    };
    withCerts(dirs[0]!, 20);
    withCerts(dirs[1]!, MAX_UNVERIFIED_NEWER + 1);

    const few = makeCore(dirs[0]);
    try {
      await call(few, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      await call(few, 'vault.lock', {});
      await call(few, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const { problems } = (await call(few, 'vault.check', {})) as { problems: Problem[] };
      expect(problems.filter((p) => p.code === 'KEY_VERSION_UNCERTIFIED')).toHaveLength(20);
    } finally {
      few.close();
    }

    // Red team 20, R20-4: past a small junk budget the current version is found from below, so
    // more than the old bound no longer locks everyone out (it was TAMPERED); the check names them.
    const many = makeCore(dirs[1]);
    try {
      await call(many, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      await call(many, 'vault.lock', {});
      await call(many, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const { groups } = (await call(many, 'vault.check', {})) as {
        groups: Array<{ code?: string; count: number }>;
      };
      expect(groups.find((g) => g.code === 'KEY_VERSION_UNCERTIFIED')?.count).toBe(
        MAX_UNVERIFIED_NEWER + 1,
      );
    } finally {
      many.close();
    }
  } finally {
    for (const dir of dirs) removeDir(dir);
  }
});
