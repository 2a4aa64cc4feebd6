// The rollback anchor is signed by the writer's staff key and kept twice, once outside the vault
// folder (security red team, finding 5). Attacker: a copy of the vault folder, no passphrase.
// They cut the newest audit entries off and rewrite the folder's anchor from the file's
// cleartext columns (what the red team did before the anchor was signed).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateSignKeyPair, signDetached } from '../../../src/crypto';
import { defaultAnchorFile, vaultFile } from '../../../src/vault';
import { anchorMessage } from '../../../src/vault/anchor';
import { blob, toHex } from '../../../src/vault/encoding';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(120_000);

async function vaultWithHistory(anchorCopy: string) {
  const core = await makeVault({ anchorCopy });
  await call(core, 'cases.create', {
    reference: 'A-1',
    childAlias: 'A',
    childAgeYears: 8,
    language: 'en',
  });
  await call(core, 'vault.lock', {});
  core.close();
  return core.vaultDir;
}

/** Cuts the newest `n` audit entries; returns the new head (cleartext columns). */
function cutTail(dir: string, n: number) {
  const db = new Database(vaultFile(dir));
  const max = (db.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m;
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(max - n);
  const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    mac: Buffer;
  };
  db.close();
  return { seq: head.seq, mac: toHex(blob(head.mac)) };
}

test('the anchors are signed by the writer and both copies are written', async () => {
  const outside = tempDir();
  const copy = join(outside, 'hearth-vault.anchor.json');
  const dir = await vaultWithHistory(copy);
  try {
    for (const file of [defaultAnchorFile(dir), copy]) {
      const anchor = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(anchor.signer).toMatch(/^[0-9a-f]{64}$/);
      expect(anchor.signature).toMatch(/^[0-9a-f]{128}$/);
    }
  } finally {
    removeDir(dir);
    removeDir(outside);
  }
});

test('tail cut and the folder anchor forged from cleartext columns (no passphrase): the signature of the forged anchor fails and it is not trusted', async () => {
  const outside = tempDir();
  const copy = join(outside, 'hearth-vault.anchor.json');
  const dir = await vaultWithHistory(copy);
  try {
    const head = cutTail(dir, 1);
    const file = defaultAnchorFile(dir);
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...anchor, ...head }));

    // Without the outside copy: the forged folder anchor is not trusted (its signature fails).
    const folderOnly = makeCore(dir, { anchorCopy: join(outside, 'none.json') });
    const alone = await call(folderOnly, 'vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    folderOnly.close();
    expect(alone.anchorMissing).toMatchObject({ status: 'unsigned' });
    expect(alone.anchorMissing!.message).toMatch(/signature does not verify/);
    // A forged signature is damage, not a restore's missing signature: vault check names it.
    const again = makeCore(dir, { anchorCopy: join(outside, 'none.json') });
    try {
      await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const check = await call(again, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({
          kind: 'rollback',
          detail: expect.stringMatching(/signature does not verify/),
        }),
      );
    } finally {
      again.close();
    }
  } finally {
    removeDir(dir);
    removeDir(outside);
  }
});

test('the outside copy catches a tail cut even when the folder anchor is deleted', async () => {
  const outside = tempDir();
  const copy = join(outside, 'hearth-vault.anchor.json');
  const dir = await vaultWithHistory(copy);
  try {
    cutTail(dir, 2);
    rmSync(defaultAnchorFile(dir));
    const core = makeCore(dir, { anchorCopy: copy });
    try {
      const user = await call(core, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      expect(user.rolledBack).toMatchObject({ missing: 2 });
      const check = await call(core, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({ kind: 'rollback', detail: expect.stringMatching(/ROLLED_BACK/) }),
      );
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
    removeDir(outside);
  }
});

test('an anchor forged with a valid-looking signature by an uncertified key is refused', async () => {
  const outside = tempDir();
  const copy = join(outside, 'hearth-vault.anchor.json');
  const dir = await vaultWithHistory(copy);
  try {
    const head = cutTail(dir, 1);
    const fresh = generateSignKeyPair();
    for (const file of [defaultAnchorFile(dir), copy]) {
      const anchor = JSON.parse(readFileSync(file, 'utf8')) as {
        vaultId: string;
        writtenAt: string;
      };
      const signer = toHex(fresh.publicKey);
      const body = { ...anchor, ...head };
      const signature = toHex(signDetached(anchorMessage(body, signer), fresh.secretKey));
      writeFileSync(file, JSON.stringify({ ...body, signer, signature }));
    }
    const core = makeCore(dir, { anchorCopy: copy });
    try {
      const user = await call(core, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      expect(user.anchorMissing).toMatchObject({ status: 'unsigned' });
      expect(user.anchorMissing!.message).toMatch(/not certified/);
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
    removeDir(outside);
  }
});

// Red team round 3, H2: no key at all, cut the tail and write an anchor with its signature
// fields removed (what a restore used to leave): a problem, with or without the outside copy
// (kept, deleted, or made unsigned too); and a forged restore marker does not let a non-admin in.
for (const outsideCopy of ['kept', 'deleted', 'unsigned'] as const)
  test(`tail cut + UNSIGNED anchor (outside copy ${outsideCopy}): vault check names it as a problem`, async () => {
    const outside = tempDir();
    const copy = join(outside, 'hearth-vault.anchor.json');
    const dir = await vaultWithHistory(copy);
    try {
      const head = cutTail(dir, 2);
      const file = defaultAnchorFile(dir);
      const {
        signer: _s,
        signature: _g,
        ...rest
      } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const unsigned = JSON.stringify({ ...rest, seq: head.seq, mac: head.mac });
      writeFileSync(file, unsigned);
      if (outsideCopy === 'deleted') rmSync(copy);
      if (outsideCopy === 'unsigned') writeFileSync(copy, unsigned);
      const core = makeCore(dir, { anchorCopy: copy });
      try {
        await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
        const check = await call(core, 'vault.check', {});
        expect(check.ok).toBe(false);
        expect(check.problems).toContainEqual(expect.objectContaining({ kind: 'rollback' }));
      } finally {
        core.close();
      }
    } finally {
      removeDir(dir);
      removeDir(outside);
    }
  });

test('a forged restore marker in an unsigned anchor: a non-admin is refused until an admin signs in', async () => {
  const outside = tempDir();
  const copy = join(outside, 'hearth-vault.anchor.json');
  const core0 = await makeVault({ anchorCopy: copy });
  await call(core0, 'users.add', {
    username: 'ivan',
    displayName: 'Ivan',
    role: 'interviewer',
    passphrase: 'a long enough staff passphrase',
  });
  await call(core0, 'vault.lock', {});
  core0.close();
  const dir = core0.vaultDir;
  try {
    const head = cutTail(dir, 1);
    const {
      signer: _s,
      signature: _g,
      ...rest
    } = JSON.parse(readFileSync(defaultAnchorFile(dir), 'utf8')) as Record<string, unknown>;
    const forged = JSON.stringify({
      ...rest,
      seq: head.seq,
      mac: head.mac,
      restoredBackupSha256: 'ab'.repeat(32),
    });
    writeFileSync(defaultAnchorFile(dir), forged);
    writeFileSync(copy, forged);
    const core = makeCore(dir, { anchorCopy: copy });
    try {
      const refused = await core.invoke('vault.unlock', {
        username: 'ivan',
        passphrase: 'a long enough staff passphrase',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const check = await call(core, 'vault.check', {});
      // The claim is never acknowledged (anyone can write it without a key: red team round 7,
      // R7-7): the check names it as a problem, with the claimed hash.
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({
          code: 'RESTORE_UNCONFIRMED',
          detail: expect.stringContaining('ab'.repeat(32)),
        }),
      );
      expect((check.notices ?? []).map((n) => n.kind)).not.toContain('restore-acknowledged');
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
    removeDir(outside);
  }
});
