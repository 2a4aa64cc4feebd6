// The centre key and staff certificates: created with the vault, issued on users.add, readable
// by stock minisign, and the root of a role check a file edit cannot pass.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { initCrypto, parsePublicKey } from '../../../src/crypto';
import { checkCertificate, Vault, vaultFile } from '../../../src/vault';
import {
  ADMIN,
  call,
  callError,
  FAST_ARGON2,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';

beforeAll(async () => {
  await initCrypto();
});

const IVAN = {
  username: 'ivan',
  displayName: 'Iván Muñoz',
  role: 'interviewer',
  passphrase: 'ivan passphrase 12345',
};

test('a new vault has a centre key; users.add certifies the new staff key (audited)', async () => {
  const core = await makeVault();
  try {
    const centre = await call(core, 'keys.centrePublicKey', {});
    const key = parsePublicKey(centre.publicKey);
    expect(centre.publicKey).toMatch(
      /^untrusted comment: minisign public key [0-9A-F]{16}\nRW[A-Za-z0-9+/]{54}\n$/,
    );
    expect(centre.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    await call(core, 'users.add', IVAN);
    core.close();
    const vault = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    try {
      vault.unlock(ADMIN.username, ADMIN.passphrase);
      const certs = vault.certificates();
      expect(
        certs.map((c) => [c.certificate.statement.username, c.certificate.statement.role]),
      ).toEqual(
        expect.arrayContaining([
          ['admin', 'admin'],
          ['ivan', 'interviewer'],
        ]),
      );
      for (const c of certs) expect(checkCertificate(c.certificate, key.publicKey)).toBeUndefined();
      const actions = vault.audit.verify().entries.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'centre-key.create',
          'certificates.issue',
          'certificates.staff-list',
        ]),
      );
      // A certificate with its role changed no longer verifies.
      const ivan = certs.find((c) => c.certificate.statement.username === 'ivan')!.certificate;
      const promoted = { ...ivan, statement: { ...ivan.statement, role: 'admin' as const } };
      expect(checkCertificate(promoted, key.publicKey)).toBe('CERT_INVALID');
    } finally {
      vault.close();
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('hearth-independent check: minisign verifies the staff key list with centre.pub', async () => {
  const core = await makeVault();
  const dir = tempDir();
  try {
    await call(core, 'users.add', IVAN);
    const centre = await call(core, 'keys.centrePublicKey', { outPath: join(dir, 'centre.pub') });
    core.close();
    const vault = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    const list = vault.staffKeyList();
    vault.close();
    writeFileSync(join(dir, 'staff-keys.txt'), list.text);
    writeFileSync(join(dir, 'staff-keys.txt.minisig'), list.minisig);
    const out = execFileSync('minisign', ['-Vm', join(dir, 'staff-keys.txt'), '-p', centre.path!], {
      encoding: 'utf8',
    });
    expect(out).toContain('Signature and comment signature verified');
    expect(list.text).toMatch(/^RW\S+ interviewer ivan Iván Muñoz$/m);
    expect(list.text).toMatch(/^RW\S+ admin admin Ada Admin$/m);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(dir);
  }
});

test('display names with line breaks, control or bidi characters are refused', async () => {
  const core = await makeVault();
  try {
    for (const displayName of ['Ivan\nSealed by the court', 'Ivan \u202eredro', 'Ivan\u001b[2K']) {
      const error = await callError(core, 'users.add', { ...IVAN, displayName });
      expect(error.code).toBe('INVALID_INPUT');
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a vault whose centre key was deleted is not given a new one at the admin unlock (red team 4): staff are refused, the admin is told', async () => {
  const core = await makeVault();
  await call(core, 'users.add', IVAN);
  core.close();
  // Deleting the centre key, its certificates and the staff list made a vault look older than
  // certificates; the admin's next unlock used to make a new centre key, which then vouched for
  // whatever the file said (the start of signed audit included).
  const db = new Database(vaultFile(core.vaultDir));
  db.prepare(
    "DELETE FROM records WHERE kind IN ('centre-key', 'centre-key-secret', 'certificate', 'staff-keys')",
  ).run();
  db.close();
  const vault = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
  try {
    expect(() => vault.unlock(IVAN.username, IVAN.passphrase)).toThrow(/centre key is missing/);
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    expect(() => vault.centreKey()).toThrow(/centre key is missing.*restore the newest backup/);
    expect(vault.certificates()).toHaveLength(0);
  } finally {
    vault.close();
    removeDir(core.vaultDir);
  }
});

test('a role changed in the vault without the centre key is refused at unlock', async () => {
  const core = await makeVault();
  await call(core, 'users.add', IVAN);
  core.close();
  // An insider with the vault's keys rewrites ivan's profile as an admin (no centre signature).
  const vault = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
  try {
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    const found = vault.records.get<{ role: string }>('user:ivan')!;
    vault.transact(() =>
      vault.records.put(
        { ...found.address, seq: found.address.seq + 1 },
        { ...found.value, role: 'admin' },
      ),
    );
    const error = (() => {
      try {
        vault.unlock(IVAN.username, IVAN.passphrase);
      } catch (e) {
        return e as { code?: string };
      }
      return undefined;
    })();
    expect(error?.code).toBe('TAMPERED');
  } finally {
    vault.close();
    removeDir(core.vaultDir);
  }
});
