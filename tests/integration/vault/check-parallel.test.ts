// vault check verifies audit signatures on worker threads when the log is long (check.ts,
// src/crypto/verify-pool.ts). The findings must not depend on it: on a vault with a rewritten
// signature, a stripped one, a forged one under an uncertified key and an entry deleted from the
// middle, the check with workers (small batches, so that many are in flight) names exactly what
// the check on this thread names, in the same order.
import Database from 'better-sqlite3';
import { generateSignKeyPair, signDetached } from '../../../src/crypto';
import { Vault, vaultFile } from '../../../src/vault';
import { checkVault } from '../../../src/vault/check';
import { ADMIN, call, FAST_ARGON2, removeDir } from '../../helpers/core';
import { vaultWithSession } from '../../helpers/sessions';

jest.setTimeout(180_000);

async function vaultWithNotes(notes: number): Promise<string> {
  const core = await vaultWithSession();
  for (let i = 0; i < notes; i++)
    await call(core, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: i % 2 ? 'child' : 'question',
      text: `note number ${i}`,
    });
  await call(core, 'vault.lock', {});
  core.close();
  return core.vaultDir;
}

function checkWith(dir: string, verifyWorkers: number, verifyBatchSize: number) {
  const v = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    v.unlock(ADMIN.username, ADMIN.passphrase);
    return checkVault(v, undefined, { verifyWorkers, verifyBatchSize });
  } finally {
    v.close();
  }
}

test('an untouched vault passes with and without workers', async () => {
  const dir = await vaultWithNotes(40);
  try {
    for (const [workers, batch] of [
      [0, 512],
      [1, 3],
      [2, 7],
    ] as const) {
      const result = checkWith(dir, workers, batch);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    }
  } finally {
    removeDir(dir);
  }
});

test('tampered signatures and a deleted middle entry: the same problems, in the same order, with 0, 1 and 2 workers', async () => {
  const dir = await vaultWithNotes(60);
  try {
    const db = new Database(vaultFile(dir));
    const max = (db.prepare('SELECT MAX(seq) AS m FROM audit_log').get() as { m: number }).m;
    const bitFlip = (
      db.prepare('SELECT signature FROM audit_log WHERE seq = ?').get(max - 40) as {
        signature: Buffer;
      }
    ).signature;
    bitFlip[10] = (bitFlip[10] as number) ^ 1;
    db.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(bitFlip, max - 40);
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL WHERE seq = ?').run(max - 30);
    const stranger = generateSignKeyPair();
    db.prepare('UPDATE audit_log SET signer = ?, signature = ? WHERE seq = ?').run(
      Buffer.from(stranger.publicKey),
      Buffer.from(signDetached(new Uint8Array(8), stranger.secretKey)),
      max - 20,
    );
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(max - 10);
    db.close();

    const inline = checkWith(dir, 0, 512);
    expect(inline.ok).toBe(false);
    const audit = inline.problems.filter((p) => p.kind === 'audit');
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'audit',
          id: String(max - 40),
          detail: expect.stringMatching(/author signature does not match/),
        }),
        expect.objectContaining({
          kind: 'audit',
          id: String(max - 30),
          detail: expect.stringMatching(/no author signature/),
        }),
        expect.objectContaining({
          kind: 'audit',
          id: String(max - 20),
          detail: expect.stringMatching(/author signature does not match/),
        }),
        expect.objectContaining({
          kind: 'audit',
          id: String(max - 10),
          detail: expect.stringMatching(/are missing \(deleted\)/),
        }),
        // The entry after the deleted one was signed over the deleted one's MAC. (Since sec31 an
        // entry without a certified signer is AUDIT_SIGNER_UNCERTIFIED, its reason in the detail.)
        expect.objectContaining({
          kind: 'audit',
          id: String(max - 9),
          detail: expect.stringMatching(/author signature does not match/),
        }),
      ]),
    );
    for (const [workers, batch] of [
      [1, 1],
      [1, 4],
      [2, 5],
      [2, 512],
    ] as const)
      expect(checkWith(dir, workers, batch)).toEqual(inline);
  } finally {
    removeDir(dir);
  }
});
