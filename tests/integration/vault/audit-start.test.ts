// Red team round 3, M1: the start of signed audit (vault_meta.audit_signed_from) was a cleartext
// column nothing vouched for. With no key, setting signer/signature NULL on every audit row and
// moving the column past the last entry turned the whole log "legacy" (a LEGACY_UNSIGNED notice,
// ok: true); with an interviewer's passphrase the same move also hid an erased entry (an admin's
// allegation reveal and its key wraps), re-chained, with an unsigned anchor written by hand.
// Now the centre key signs the boundary (vault_meta.audit_start, migration 0006), the signed
// anchor carries it too, and an unsigned "legacy" anchor is accepted only by the process that
// itself upgraded the file. Each test performs the attack and requires it to be named.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { aeadEncrypt, randomBytes } from '../../../src/crypto';
import { defaultAnchorFile, vaultFile } from '../../../src/vault';
import { AuditLog } from '../../../src/vault/audit';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';

function raw<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(vaultFile(dir));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Unlocks as admin in a fresh core, returns the unlock answer and the check. */
async function adminComesBack(dir: string) {
  const core = makeCore(dir);
  try {
    const unlock = await call(core, 'vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    const check = await call(core, 'vault.check', {});
    return { unlock, check };
  } finally {
    core.close();
  }
}

const details = (check: { problems: Array<{ detail: string }> }) =>
  check.problems.map((p) => p.detail).join('\n');

test('a new vault carries the centre-signed start of signed audit at entry 1, and checks clean', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const stored = raw(dir, (db) =>
      db.prepare('SELECT audit_start AS t, audit_signed_from AS n FROM vault_meta').get(),
    ) as { t: string; n: number };
    expect(stored.n).toBe(1);
    const start = JSON.parse(stored.t) as { statement: { auditSignedFrom: number } };
    expect(start.statement.auditSignedFrom).toBe(1);
    const anchor = JSON.parse(readFileSync(defaultAnchorFile(dir), 'utf8')) as {
      auditSignedFrom?: number;
    };
    expect(anchor.auditSignedFrom).toBe(1);
    const { check } = await adminComesBack(dir);
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.notices ?? []).toEqual([]);
  } finally {
    removeDir(dir);
  }
});

test('no key: stripping every audit signature and moving audit_signed_from past the end is named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'cases.create', {
      reference: 'R-1',
      childAlias: 'A',
      childAgeYears: 8,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    core.close();
    raw(dir, (db) => {
      db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
      db.prepare(
        'UPDATE vault_meta SET audit_signed_from = (SELECT max(seq) + 1 FROM audit_log)',
      ).run();
    });
    const { unlock, check } = await adminComesBack(dir);
    // The signed anchor recorded where signed audit starts: the unlock already says so.
    expect(unlock.rolledBack?.message).toMatch(/^AUDIT_START_MOVED/);
    expect(check.ok).toBe(false);
    expect(details(check)).toMatch(
      /AUDIT_START_MOVED: the vault file says audit entries are signed from entry \d+ on, but the centre committed to 1/,
    );
    expect(details(check)).toMatch(/signature was removed outside Hearth/);
    expect((check.notices ?? []).map((n) => n.kind)).not.toContain('legacy-unsigned');
  } finally {
    removeDir(dir);
  }
});

test('no key: the same, with the centre statement deleted and both anchor copies made unsigned "legacy" anchors', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const head = raw(dir, (db) => {
      db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
      db.prepare(
        'UPDATE vault_meta SET audit_start = NULL, audit_signed_from = (SELECT max(seq) + 1 FROM audit_log)',
      ).run();
      // Also the pointer that says a statement was signed.
      db.prepare("DELETE FROM audit_index WHERE record_id = 'audit-start'").run();
      return db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
        seq: number;
        mac: Buffer;
      };
    });
    const anchorFile = defaultAnchorFile(dir);
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      anchorFile,
      JSON.stringify({
        format: anchor.format,
        vaultId: anchor.vaultId,
        seq: head.seq,
        mac: toHex(blob(head.mac)),
        writtenAt: anchor.writtenAt,
      }),
    );
    const { unlock, check } = await adminComesBack(dir);
    expect(unlock.anchorMissing?.status).toBe('unsigned');
    expect(check.ok).toBe(false);
    // The audit log still commits to the statement the centre signed at creation.
    expect(details(check)).toMatch(/AUDIT_START_DELETED/);
    expect(check.problems.map((p) => p.kind)).toContain('rollback');
    // The admin's sign-in did not make the moved boundary official.
    const stored = raw(dir, (db) =>
      db.prepare('SELECT audit_start AS t FROM vault_meta').get(),
    ) as { t: string | null };
    expect(stored.t).toBeNull();
  } finally {
    removeDir(dir);
  }
});

test('an interviewer erases an admin reveal from the middle of the log, strips every signature, moves the start, re-chains and writes an unsigned anchor: named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    const blind = await call(core, 'cases.create', {
      reference: 'B-1',
      childAlias: 'X',
      childAgeYears: 8,
      language: 'en',
      allegationSummary: 'MARK-BLIND',
      allegationBlind: true,
    });
    await call(core, 'cases.revealAllegationTo', { caseId: blind.caseId, username: 'ivan' });
    await call(core, 'cases.create', {
      reference: 'O-2',
      childAlias: 'Y',
      childAgeYears: 9,
      language: 'en',
      allegationSummary: 'other',
    });
    const listed = await call(core, 'audit.list', { limit: 1000 });
    const reveal = listed.entries.find((e) => /reveal/i.test(e.action))!;
    expect(reveal).toBeDefined();
    await call(core, 'vault.lock', {});
    core.close();

    // ---- offline, with ivan's passphrase only (the attack script of red team round 3) ----
    const db = new Database(vaultFile(dir));
    const vaultId = blob(
      (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
    );
    const keys = new KeyStore(db, vaultId);
    const slot = openUserSlot(db, vaultId, 'ivan', PASS);
    keys.hold(slot.keyId, slot.key);
    const audit = new AuditLog(db, keys, vaultId) as unknown as {
      chainFor(epoch: number | null): { refs: Uint8Array };
      openRefs(row: unknown, chain: unknown): unknown[];
      entryAd(seq: number, epoch: number): Uint8Array;
      refsAd(seq: number): Uint8Array;
      chainMac(chain: unknown, row: unknown, prev: Uint8Array): Uint8Array;
    };
    const T = reveal.seq;
    const n = (db.prepare('SELECT max(epoch) AS n FROM audit_epochs').get() as { n: number }).n + 1;
    const epochId = `epoch:${n}@1`;
    const epochKey = randomBytes(32);
    keys.hold(epochId, epochKey);
    keys.wrap(epochId, keys.requireCurrentId('class:audit'));
    db.prepare('INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(
      n,
      keys.requireCurrentId('class:chain'),
    );
    type Row = { seq: number; epoch: number; mac: Buffer };
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    const row = rows.find((r) => r.seq === T)!;
    const refs = audit.openRefs(row, audit.chainFor(row.epoch));
    const body = { at: reveal.at, actor: 'admin', action: 'vault.unlock' };
    const sealed = aeadEncrypt(epochKey, utf8(JSON.stringify(body)), audit.entryAd(T, n));
    const sealedRefs = aeadEncrypt(
      audit.chainFor(n).refs,
      utf8(JSON.stringify(refs)),
      audit.refsAd(T),
    );
    db.prepare(
      'UPDATE audit_log SET epoch=?, nonce=?, ciphertext=?, refs_nonce=?, refs_ciphertext=? WHERE seq=?',
    ).run(
      n,
      Buffer.from(sealed.nonce),
      Buffer.from(sealed.ciphertext),
      Buffer.from(sealedRefs.nonce),
      Buffer.from(sealedRefs.ciphertext),
      T,
    );
    const wraps = db
      .prepare(
        "DELETE FROM key_wraps WHERE logical LIKE 'allegation:%' AND holder LIKE 'user:ivan%'",
      )
      .run();
    expect(wraps.changes).toBeGreaterThan(0);
    let prev = blob(rows.find((r) => r.seq === T - 1)!.mac);
    for (const r of db
      .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
      .all(T) as Row[]) {
      const mac = audit.chainMac(audit.chainFor(r.epoch), r, prev);
      db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(Buffer.from(mac), r.seq);
      prev = mac;
    }
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
    db.prepare(
      'UPDATE vault_meta SET audit_signed_from = (SELECT max(seq) + 1 FROM audit_log)',
    ).run();
    const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      mac: Buffer;
    };
    db.close();
    const anchorFile = defaultAnchorFile(dir);
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
    const { signer: _s, signature: _g, auditSignedFrom: _a, ...unsigned } = anchor;
    writeFileSync(
      anchorFile,
      JSON.stringify({ ...unsigned, seq: head.seq, mac: toHex(blob(head.mac)) }),
    );

    // ---- the admin comes back ----
    const { unlock, check } = await adminComesBack(dir);
    expect(unlock.anchorMissing?.status).toBe('unsigned');
    expect(check.ok).toBe(false);
    expect(details(check)).toMatch(/AUDIT_START_MOVED/);
    expect(details(check)).toMatch(/signature was removed outside Hearth/);
    expect((check.notices ?? []).map((n) => n.kind)).not.toContain('legacy-unsigned');
  } finally {
    removeDir(dir);
  }
});

test('an edited statement (another boundary under the old signature) is named and every entry must then be signed', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    raw(dir, (db) => {
      const row = db.prepare('SELECT audit_start AS t FROM vault_meta').get() as { t: string };
      const start = JSON.parse(row.t) as { statement: { auditSignedFrom: number } };
      start.statement.auditSignedFrom = 1000;
      db.prepare('UPDATE vault_meta SET audit_start = ?, audit_signed_from = 1000').run(
        JSON.stringify(start),
      );
      db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
    });
    const { check } = await adminComesBack(dir);
    expect(check.ok).toBe(false);
    expect(details(check)).toMatch(/AUDIT_START_INVALID/);
    expect(details(check)).toMatch(/signature was removed outside Hearth/);
  } finally {
    removeDir(dir);
  }
});
