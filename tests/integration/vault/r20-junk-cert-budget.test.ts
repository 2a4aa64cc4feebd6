// Red team 20, R20-4: the bound on junk certificate checks was per key (1,000), and a sign-in
// resolves about 21 keys: 1,000 made-up versions with made-up certificates (the centre key's
// public half copied from a genuine one) on each made every sign-in check 8,008 signatures
// instead of 8 to 11, and each cases.get 1,000 more. Now a sign-in checks at most
// JUNK_CHECKS_PER_KEY invalid certificates newest-first per key and JUNK_CHECKS_PER_SIGN_IN in
// all, then finds the current version from below (the rotation chain). Counted here: the number
// of signature verifications (KeyCertBook.valid), never time.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { KeyCertBook } from '../../../src/vault/key-certs';
import { JUNK_CHECKS_PER_KEY, JUNK_CHECKS_PER_SIGN_IN } from '../../../src/vault/key-store';
import { ADMIN, call, makeCore, removeDir, tempDir } from '../../helpers/core';
import { makeCase, PASS, signInAs, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(300_000);

const JUNK = 1_000;

/** Versions 1000..1999 of every logical key: a random wrap and a made-up certificate each. */
function plantJunk(dir: string): number {
  const db = new Database(vaultFile(dir));
  try {
    const centre = (
      db.prepare("SELECT signer FROM key_certs WHERE key_id = 'class:case@1'").get() as {
        signer: Buffer;
      }
    ).signer;
    const logicals = (
      db.prepare('SELECT DISTINCT logical FROM key_wraps').all() as Array<{ logical: string }>
    ).map((r) => r.logical);
    const wrap = db.prepare('INSERT OR IGNORE INTO key_wraps VALUES (?, ?, ?, ?, ?)');
    const cert = db.prepare("INSERT OR IGNORE INTO key_certs VALUES (?, 'secret', ?, ?, ?)");
    db.transaction(() => {
      for (const l of logicals)
        for (let v = 1000; v < 1000 + JUNK; v++) {
          wrap.run(l, v, 'nobody', randomBytes(24), randomBytes(80));
          cert.run(`${l}@${v}`, randomBytes(32), centre, randomBytes(64));
        }
    })();
    return logicals.length;
  } finally {
    db.close();
  }
}

test('junk certificates on every key cost a sign-in and a cases.get a small fixed number of checks', async () => {
  const core = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  const clean = core.vaultDir;
  const junk = tempDir();
  const spy = jest.spyOn(KeyCertBook.prototype, 'valid');
  try {
    for (let i = 0; i < 3; i++) await makeCase(core, `CAC-${i}`, i % 2 === 0);
    await signInAs(core, 'ivan');
    await makeCase(core, 'CAC-IV');
    await call(core, 'vault.lock', {});
    core.close();
    cpSync(clean, junk, { recursive: true });
    const keys = plantJunk(junk);
    expect(keys).toBeGreaterThan(15);

    /** Signature checks of one unlock, then of one cases.get per case. */
    const count = async (dir: string, who: string) => {
      const c = makeCore(dir);
      try {
        spy.mockClear();
        await call(c, 'vault.unlock', {
          username: who,
          passphrase: who === ADMIN.username ? ADMIN.passphrase : PASS,
        });
        const unlock = spy.mock.calls.length;
        const perGet: number[] = [];
        const outcomes: string[] = [];
        if (who !== 'tara') {
          const { cases } = (await call(c, 'cases.list', {})) as {
            cases: Array<{ caseId: string }>;
          };
          for (const { caseId } of cases) {
            spy.mockClear();
            const got = await c.invoke('cases.get', { caseId, revealAllegation: true });
            outcomes.push(got.ok ? 'ok' : got.error.code);
            perGet.push(spy.mock.calls.length);
          }
        }
        return { unlock, perGet, outcomes };
      } finally {
        c.close();
      }
    };
    for (const who of ['ivan', 'tara', ADMIN.username]) {
      const base = await count(clean, who);
      const withJunk = await count(junk, who);
      // (An allegation key with a newer junk version fails closed, as before (sec30): some
      // cases.get answer FORBIDDEN with junk; what is counted here is the work.)
      expect(withJunk.outcomes).toHaveLength(base.outcomes.length);
      // Before: 8,008 to 8,011 at each unlock; every cases.get +1,000.
      expect(withJunk.unlock - base.unlock).toBeLessThanOrEqual(JUNK_CHECKS_PER_SIGN_IN + keys);
      for (const [i, n] of withJunk.perGet.entries())
        expect(n - base.perGet[i]!).toBeLessThanOrEqual(JUNK_CHECKS_PER_KEY + 2);
    }

    // The junk is ignored, never used, and named by the check.
    const checker = makeCore(junk);
    try {
      await call(checker, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      const { problems } = (await call(checker, 'vault.check', {})) as {
        problems: Array<{ code?: string }>;
      };
      expect(problems.filter((p) => p.code === 'KEY_VERSION_UNCERTIFIED').length).toBeGreaterThan(
        0,
      );
    } finally {
      checker.close();
    }
  } finally {
    spy.mockRestore();
    removeDir(clean);
    removeDir(junk);
  }
});
