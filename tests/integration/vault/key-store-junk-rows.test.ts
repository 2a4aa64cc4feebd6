// perf20 (red team 19, R19-4): whoever holds the vault file (no key needed) can add key_wraps
// rows. `KeyStore.holdersOf` read every wrap row of a key version, junk holders included, and
// `versionEstablished` (un-blinding's check, through `wrappedUnder`) read every stored version of
// the key and tried to open each: 100,000 made-up versions meant 100,000 attempts. Both are now
// decided in SQL (holders that are keys the vault has; versions that carry a certificate row).
// Counted, never timed: statements run, rows returned, records decrypted.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { initCrypto } from '../../../src/crypto';
import { Vault, vaultFile } from '../../../src/vault';
import { ADMIN, FAST_ARGON2, removeDir, tempDir } from '../../helpers/core';
import { counted } from '../../helpers/work-counter';

jest.setTimeout(600_000);

/** 100,000 made-up versions of class:case and 100,000 made-up holders of class:case@1. */
function addJunk(dir: string): void {
  const db = new Database(vaultFile(dir));
  try {
    const insert = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        insert.run('class:case', 2 + i, 'user:ivan@1', randomBytes(24), randomBytes(80));
        insert.run('class:case', 1, `junk:${i}@1`, randomBytes(24), randomBytes(80));
      }
    })();
  } finally {
    db.close();
  }
}

async function work(dir: string) {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    const keys = vault.keys as unknown as {
      holdersOf: (id: string) => string[];
      versionEstablished: (id: string) => boolean;
    };
    let holders: string[] = [];
    let established = false;
    const holdersWork = await counted(() => {
      holders = keys.holdersOf('class:case@1');
      return Promise.resolve();
    });
    const versionWork = await counted(() => {
      established = keys.versionEstablished('class:case@1');
      return Promise.resolve();
    });
    return { holders, established, holdersWork, versionWork };
  } finally {
    vault.close();
  }
}

test('holdersOf and versionEstablished do the same work with 200,000 junk wrap rows as with none', async () => {
  await initCrypto();
  const clean = tempDir();
  const junk = tempDir();
  try {
    Vault.create(clean, ADMIN, { argon2: FAST_ARGON2 }).vault.close();
    cpSync(clean, junk, { recursive: true });
    addJunk(junk);
    const none = await work(clean);
    const many = await work(junk);
    // The same answers: the real holders of the case key, and version 1 is the genuine one.
    expect(none.holders.length).toBeGreaterThan(0);
    expect(many.holders).toEqual(none.holders);
    expect(many.established).toBe(none.established);
    // Before perf20: 100,000 more rows for holdersOf, and 100,000 versions tried.
    expect(many.holdersWork).toEqual(none.holdersWork);
    expect(many.versionWork).toEqual(none.versionWork);
  } finally {
    removeDir(clean);
    removeDir(junk);
  }
});
