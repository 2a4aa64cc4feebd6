// The tamper matrix, extended to what the key hierarchy added (security review F11, F12, F13,
// F14): key slots and their KDF parameters, certificates and role keys, the blind index, live
// interview ownership, the blind plan across lock/unlock. Each edit is made with plain SQLite on
// a closed vault, as an attacker with the file and no key would.
import Database from 'better-sqlite3';
import { delayAfterFailures, vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import type { UserProfile } from '../../../src/vault/users';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';
const MiB = 1024 * 1024;

async function closedVault() {
  const core = await makeVault();
  await call(core, 'users.add', {
    username: 'rita',
    displayName: 'Rita Reviewer',
    role: 'reviewer',
    passphrase: PASS,
  });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'TM-1',
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  core.close();
  return { dir: core.vaultDir, caseId };
}

/** A user's public signing key (hex), read offline with their own passphrase. */
function signKeyOf(dir: string, username: string): string {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const vaultId = blob(
      (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
    );
    const keys = new KeyStore(db, vaultId);
    const slot = openUserSlot(db, vaultId, username, PASS);
    keys.hold(slot.keyId, slot.key);
    const records = new RecordStore(db, keys, vaultId);
    const profile = records
      .list<UserProfile>('user')
      .records.find((r) => r.value.username === username);
    if (!profile) throw new Error(`no profile for ${username}`);
    return profile.value.signPublicKey;
  } finally {
    db.close();
  }
}

function edit(dir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(vaultFile(dir));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function checkAsAdmin(dir: string) {
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    return await call(core, 'vault.check', {});
  } finally {
    core.close();
  }
}

test('deleted recovery and user slots are named by vault check', async () => {
  const { dir } = await closedVault();
  try {
    edit(dir, "DELETE FROM key_slots WHERE slot_id IN ('recovery', 'user:rita')");
    const { ok, problems } = await checkAsAdmin(dir);
    expect(ok).toBe(false);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'slot',
          id: 'slot:recovery',
          detail: expect.stringMatching(/deleted outside Hearth.*recovery kit/),
        }),
        expect.objectContaining({ kind: 'slot', id: 'slot:user:rita' }),
      ]),
    );
  } finally {
    removeDir(dir);
  }
});

test('an in-range KDF edit is named; absurd parameters are refused before any work; a new slot never reuses stored parameters', async () => {
  const { dir } = await closedVault();
  try {
    edit(dir, "UPDATE key_slots SET kdf_mem = ? WHERE slot_id = 'user:rita'", 128 * MiB);
    expect((await checkAsAdmin(dir)).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'slot',
          id: 'slot:user:rita',
          detail: expect.stringMatching(/KDF parameters/),
        }),
      ]),
    );
    // Ops 10 with 1 GiB would cost half a minute per attempt: refused as tampered, at once.
    edit(
      dir,
      "UPDATE key_slots SET kdf_ops = 10, kdf_mem = ? WHERE slot_id = 'user:rita'",
      1024 * MiB,
    );
    const core = makeCore(dir);
    try {
      expect(
        await callError(core, 'vault.unlock', { username: 'rita', passphrase: PASS }),
      ).toMatchObject({
        code: 'TAMPERED',
      });
    } finally {
      core.close();
    }
    // The admin's slot says 64 MiB; a passphrase change writes the current policy (128 MiB
    // here), never the parameters read from the file.
    const again = makeCore(dir, { argon2: { opsLimit: 3, memLimitBytes: 128 * MiB } });
    try {
      await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      await call(again, 'vault.changePassphrase', {
        currentPassphrase: ADMIN.passphrase,
        newPassphrase: 'a fresh admin passphrase',
      });
    } finally {
      again.close();
    }
    const db = new Database(vaultFile(dir), { readonly: true });
    expect(db.prepare("SELECT kdf_mem FROM key_slots WHERE slot_id = 'user:admin'").get()).toEqual({
      kdf_mem: 128 * MiB,
    });
    db.close();
  } finally {
    removeDir(dir);
  }
});

// Since red team 25 the cap is what the row's own failure count gives (5 failures: 30 s), not the
// longest delay of all (r25-backoff-edited.test.ts).
test('a far-future backoff is capped at the delay its failures give', async () => {
  const { dir } = await closedVault();
  try {
    edit(
      dir,
      "INSERT INTO unlock_attempts (bucket, failures, locked_until_ms) VALUES ('user:rita', 5, ?)",
      Number.MAX_SAFE_INTEGER,
    );
    const now = Date.parse('2026-11-29T12:00:00Z');
    const core = makeCore(dir, { now: () => now });
    try {
      const error = await callError(core, 'vault.unlock', { username: 'rita', passphrase: PASS });
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toContain(`${delayAfterFailures(5) / 1000} seconds`);
      expect(error.reason).toBe('BACKOFF_EDITED');
    } finally {
      core.close();
    }
    const later = makeCore(dir, { now: () => now + delayAfterFailures(5) + 1 });
    try {
      await call(later, 'vault.unlock', { username: 'rita', passphrase: PASS });
    } finally {
      later.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('a cleared blind index is named, and duplicate references stay refused', async () => {
  const { dir, caseId } = await closedVault();
  try {
    edit(dir, 'UPDATE records SET blind_index = NULL WHERE record_id = ?', caseId);
    expect((await checkAsAdmin(dir)).problems).toEqual([
      expect.objectContaining({ kind: 'blind-index', id: caseId }),
    ]);
  } finally {
    removeDir(dir);
  }
});

test('a key wrapped for a user outside Hearth, or a deleted certificate, is named', async () => {
  const { dir } = await closedVault();
  try {
    // The reviewer's wrap of the case key is copied onto the practice key's row: a forged holder.
    edit(
      dir,
      `INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key)
       SELECT 'class:practice', 1, holder, nonce, wrapped_key FROM key_wraps
       WHERE logical = 'class:case' AND holder LIKE 'user:rita@%'`,
    );
    // Rita's certificate (not the admin's, or the admin could not sign in to check): the
    // record id holds her public key, which her own profile gives.
    edit(dir, 'DELETE FROM records WHERE record_id = ?', `certificate:${signKeyOf(dir, 'rita')}`);
    const { problems } = await checkAsAdmin(dir);
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['role', 'certificate']));
    // The deleted row's own RECORD_MISSING is counted under its CERTIFICATE_MISSING (sec61).
    const cause = problems.find((p) => p.code === 'CERTIFICATE_MISSING');
    expect(Number(cause?.values?.dependent)).toBeGreaterThanOrEqual(1);
    const core = makeCore(dir);
    try {
      // The forged wrap does not even open (it was sealed for another key): rita's unlock fails closed.
      expect(
        (await callError(core, 'vault.unlock', { username: 'rita', passphrase: PASS })).code,
      ).toMatch(/TAMPERED/);
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('only the interviewer writes into a live interview (refusals audited); the blind plan survives lock/unlock', async () => {
  const core = await makeVault();
  try {
    for (const username of ['ivan', 'iris'])
      await call(core, 'users.add', {
        username,
        displayName: username,
        role: 'interviewer',
        passphrase: PASS,
      });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'TS-1',
      childAlias: 'Robin',
      childAgeYears: 9,
      language: 'en',
      allegationSummary: 'hidden',
      allegationBlind: true,
    });
    await call(core, 'vault.unlock', { username: 'iris', passphrase: PASS });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
    });
    expect(
      await callError(core, 'sessions.enterPhase', { sessionId, phaseId: 'putativeConfession' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'iris', passphrase: PASS });
    expect(
      await callError(core, 'sessions.enterPhase', { sessionId, phaseId: 'putativeConfession' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(
      await callError(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'not said' }),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only iris/) });
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    const audit = await call(core, 'audit.list', {});
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'ivan',
          action: 'access.refused',
          target: sessionId,
          detail: expect.objectContaining({ attempted: 'sessions.write' }),
        }),
      ]),
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
