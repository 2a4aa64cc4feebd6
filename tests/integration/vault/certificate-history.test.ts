// Red team round 3, M2: an admin (who holds the centre key) certifies a fresh staff key as
// "ivan" with Ivan's real issuedAt, so that a re-sealed, rewritten interview verifies. The
// bundle cannot tell; the vault can: `vault check` names a certificate whose issuedAt precedes
// the audit entry that wrote it (CERT_BACKDATED), and two certificates valid at once for one
// user name (CERT_OVERLAP). Each test performs the admin's write, as an insider would, through
// Hearth's own audited write with the centre's secret key.
import { generateSignKeyPair, wipe } from '../../../src/crypto';
import { Vault } from '../../../src/vault';
import { readCentreSecretKey } from '../../../src/vault/centre-key';
import { signCertificate } from '../../../src/vault/certificate-format';
import { certificateForKey } from '../../../src/vault/certificates';
import { toHex } from '../../../src/vault/encoding';
import type { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, FAST_ARGON2, makeVault, removeDir } from '../../helpers/core';
import { checkVault } from '../../../src/vault/check';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';

async function vaultWithIvan(): Promise<string> {
  const core = await makeVault();
  await call(core, 'users.add', {
    username: 'ivan',
    displayName: 'Ivan',
    role: 'interviewer',
    passphrase: PASS,
  });
  await call(core, 'vault.lock', {});
  core.close();
  return core.vaultDir;
}

/** As the admin, certifies a fresh key for ivan with `issuedAt` (a function of his real one). */
function certifyFreshIvan(dir: string, issuedAt: (real: string) => string) {
  let clock = Date.parse('2030-01-01T00:00:00.000Z');
  const v = Vault.open(dir, { argon2: FAST_ARGON2, now: () => (clock += 1000) });
  try {
    v.unlock('admin', ADMIN.passphrase);
    const records = (v as unknown as { records: RecordStore }).records;
    const ivan = v.listUsers().find((u) => u.username === 'ivan')!;
    const real = certificateForKey(records, ivan.signPublicKey)!.certificate;
    const fresh = generateSignKeyPair();
    const secret = readCentreSecretKey(records);
    const certificate = signCertificate(
      {
        ...real.statement,
        serial: 1,
        publicKey: toHex(fresh.publicKey),
        issuedAt: issuedAt(real.statement.issuedAt),
      },
      secret,
    );
    wipe(secret);
    v.write('certificates.issue', 'user:ivan', (put) =>
      put(
        {
          recordId: `certificate:${toHex(fresh.publicKey)}`,
          containerId: 'certificates',
          kind: 'certificate',
          seq: 1,
          keyRef: 'class:directory',
        },
        { certificate },
      ),
    );
    return checkVault(v);
  } finally {
    v.close();
  }
}

test('an admin certifies a fresh key as ivan with his real (earlier) issuedAt: vault check names it backdated and overlapping', async () => {
  const dir = await vaultWithIvan();
  try {
    const check = certifyFreshIvan(dir, (real) => real);
    expect(check.ok).toBe(false);
    const text = check.problems.map((p) => `${p.kind} ${p.id} ${p.detail}`).join('\n');
    expect(text).toMatch(
      /certificate user:ivan CERT_BACKDATED: the certificate of ivan's staff key/,
    );
    expect(text).toMatch(
      /certificate user:ivan CERT_OVERLAP: two staff keys are certified for ivan/,
    );
  } finally {
    removeDir(dir);
  }
});

test('a second key certified for ivan at the real time is still named: two certificates valid at once', async () => {
  const dir = await vaultWithIvan();
  try {
    const check = certifyFreshIvan(dir, () => '2030-01-01T00:00:01.000Z');
    const text = check.problems.map((p) => p.detail).join('\n');
    expect(text).toMatch(/CERT_OVERLAP/);
    expect(text).not.toMatch(/CERT_BACKDATED/);
  } finally {
    removeDir(dir);
  }
});

test("Hearth's own flows (add, remove, add another) leave no certificate finding", async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'users.remove', { username: 'ivan' });
    await call(core, 'users.add', {
      username: 'iris',
      displayName: 'Iris',
      role: 'interviewer',
      passphrase: PASS,
    });
    const check = await call(core, 'vault.check', {});
    expect(check).toMatchObject({ ok: true, problems: [] });
  } finally {
    removeDir(core.vaultDir);
  }
});
