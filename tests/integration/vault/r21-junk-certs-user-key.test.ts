// Red team 21, R21-3 (medium, DoS). After a user has changed her passphrase 8 times, her key's
// only real version is user:<name>@9 (each change makes the next version and destroys the old
// one). 17 junk certificate rows, no key needed (8 below her real version, 9 above it, each
// with a made-up certificate under the centre key's public half), exhausted the junk budget of
// sec45 (JUNK_CHECKS_PER_KEY newest first, then JUNK_CHECKS_PER_KEY from below) and locked her
// out: her real version was never tried. The walk now starts from the version her key slot
// names: junk at other versions costs nothing, and vault check still names it.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { JUNK_CHECKS_PER_KEY } from '../../../src/vault/key-store';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(240_000);

const CHANGES = 8;

/** Junk versions `versions` of `logical`: a random wrap and a made-up certificate each. */
function plantJunk(dir: string, logical: string, versions: number[]): void {
  const db = new Database(vaultFile(dir));
  try {
    const centre = (
      db.prepare("SELECT signer FROM key_certs WHERE key_id = 'class:case@1'").get() as {
        signer: Buffer;
      }
    ).signer;
    const wrap = db.prepare('INSERT OR REPLACE INTO key_wraps VALUES (?, ?, ?, ?, ?)');
    const cert = db.prepare("INSERT OR REPLACE INTO key_certs VALUES (?, 'secret', ?, ?, ?)");
    db.transaction(() => {
      for (const v of versions) {
        wrap.run(logical, v, 'nobody', randomBytes(24), randomBytes(80));
        cert.run(`${logical}@${v}`, randomBytes(32), centre, randomBytes(64));
      }
    })();
  } finally {
    db.close();
  }
}

function slotKeyId(dir: string, username: string): string {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    return (
      db
        .prepare("SELECT key_id FROM key_slots WHERE kind = 'user' AND username = ?")
        .get(username) as { key_id: string }
    ).key_id;
  } finally {
    db.close();
  }
}

test('R21-3: 17 junk certificate rows below and above a user key changed 8 times lock her out no more; check names them', async () => {
  let core: Core = await vaultWithStaff([['ivan', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    let passphrase = PASS;
    for (let i = 1; i <= CHANGES; i++) {
      const next = `${PASS} changed ${i}`;
      await call(core, 'vault.changePassphrase', {
        currentPassphrase: passphrase,
        newPassphrase: next,
      });
      passphrase = next;
    }
    await call(core, 'vault.lock', {});
    core.close();
    const real = slotKeyId(core.vaultDir, 'ivan');
    const version = Number(real.split('@')[1]);
    expect(version).toBe(CHANGES + 1);
    const below = Array.from({ length: version - 1 }, (_, i) => i + 1);
    const above = Array.from({ length: JUNK_CHECKS_PER_KEY + 1 }, (_, i) => version + 1 + i);
    expect(below.length + above.length).toBe(17);
    plantJunk(core.vaultDir, 'user:ivan', [...below, ...above]);

    core = makeCore(core.vaultDir) as unknown as Core;
    // Before the fix: TAMPERED ("This user's key slot does not hold their current key").
    const unlocked = await core.invoke('vault.unlock', { username: 'ivan', passphrase });
    expect(unlocked.ok ? 'ok' : unlocked.error.code).toBe('ok');
    await call(core, 'cases.create', {
      reference: 'CAC-21',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { problems } = await call(core, 'vault.check', {});
    const named = problems.filter((p) => p.id.startsWith('user:ivan@'));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named.map((p) => p.code))).toEqual(new Set(['KEY_VERSION_UNCERTIFIED']));
    expect(named.map((p) => p.id)).not.toContain(real);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
