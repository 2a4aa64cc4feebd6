// An insider who holds one staff passphrase holds the audit chain key, so they can rewrite the
// audit refs, re-chain the MACs and move the anchor (red-team issue #15, findings 3 and 4). What
// `vault check` must still catch without trusting the refs: a forged event in a sealed session
// (the interviewer's seal signature does not match) and a deleted recovery or user key slot;
// and, since audit entries are signed by their authors (security red team, finding 1): a
// colleague's live note rewritten, an admin's entry erased from the middle of the log, stripped
// signatures, a forged entry under an uncertified key. Entries from before signed audit are
// reported as legacy-unsigned, not as proven.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { aeadEncrypt, generateSignKeyPair, signDetached } from '../../../src/crypto';
import { chainVersionOf, genesisHash, nextHash } from '../../../src/interview/chain';
import { SessionService } from '../../../src/interview/sessions';
import { defaultAnchorFile, readSigningKey, Vault, vaultFile } from '../../../src/vault';
import { AuditLog } from '../../../src/vault/audit';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import type { KeyStore } from '../../../src/vault/key-store';
import type { RecordStore } from '../../../src/vault/records';
import { recordHash, type RecordAddress } from '../../../src/vault/records';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault, removeDir } from '../../helpers/core';
import {
  moveAnchor,
  openAsInsider,
  PASS,
  rechainFrom,
  type AuditRow,
  type Insider,
  type Ref,
} from '../../helpers/insider';

jest.setTimeout(120_000);

/** Rewrites every audit ref to `id` with `fix`, re-chains from there, and moves the anchor. */
function rewriteRefs(dir: string, insider: Insider, id: string, fix: (r: Ref) => Ref) {
  const { db, audit } = insider;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  let first = -1;
  for (const row of rows) {
    const chain = audit.chainFor(row.epoch);
    const refs = audit.openRefs(row, chain);
    if (!refs.some((r) => r.id === id)) continue;
    const sealed = aeadEncrypt(
      chain.refs,
      utf8(JSON.stringify(refs.map((r) => (r.id === id ? fix(r) : r)))),
      audit.refsAd(row.seq),
    );
    db.prepare('UPDATE audit_log SET refs_nonce = ?, refs_ciphertext = ? WHERE seq = ?').run(
      Buffer.from(sealed.nonce),
      Buffer.from(sealed.ciphertext),
      row.seq,
    );
    if (first < 0) first = row.seq;
  }
  expect(first).toBeGreaterThan(0);
  let prev: Uint8Array =
    first > 1 ? blob(rows.find((r) => r.seq === first - 1)!.mac) : new Uint8Array(32);
  for (const row of db
    .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
    .all(first) as AuditRow[]) {
    const mac = audit.chainMac(audit.chainFor(row.epoch), row, prev);
    db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(Buffer.from(mac), row.seq);
    prev = mac;
  }
  const head = db
    .prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as AuditRow;
  db.close();
  const anchorFile = defaultAnchorFile(dir);
  const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    anchorFile,
    JSON.stringify({ ...anchor, seq: head.seq, mac: toHex(blob(head.mac)) }),
  );
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

test('a colleague forges a note in a sealed interview and re-chains the audit log: vault check names the session', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    for (const u of ['ivan', 'iris'])
      await call(core, 'users.add', {
        username: u,
        displayName: u,
        role: 'interviewer',
        passphrase: PASS,
      });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'IR-1',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'ORIGINAL WORDS' });
    await call(core, 'sessions.finalize', { sessionId });
    // A second, untouched sealed session must not be reported.
    const other = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', {
      sessionId: other.sessionId,
      kind: 'child',
      text: 'other words',
    });
    await call(core, 'sessions.finalize', { sessionId: other.sessionId });
    await call(core, 'vault.lock', {});
    core.close();
    expect((await checkAsAdmin(dir)).ok).toBe(true);

    const insider = openAsInsider(dir, 'iris');
    const rows = [...insider.records.allRows()];
    const target = rows.find(
      (r) => r.readable === 'yes' && JSON.stringify(r.value).includes('ORIGINAL WORDS'),
    )!;
    expect(target).toBeDefined();
    const forged = utf8(JSON.stringify(target.value).replace('ORIGINAL WORDS', 'FORGED WORDS'));
    const ad = (
      insider.records as unknown as { associatedData(a: RecordAddress): Uint8Array }
    ).associatedData(target.address);
    const sealed = aeadEncrypt(insider.keys.key(target.address.keyRef), forged, ad);
    insider.db
      .prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?')
      .run(Buffer.from(sealed.nonce), Buffer.from(sealed.ciphertext), target.address.recordId);
    const hash = recordHash(sealed.nonce, sealed.ciphertext);
    rewriteRefs(dir, insider, target.address.recordId, (r) => ({ ...r, hash }));

    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    const seals = check.problems.filter((p) => p.kind === 'seal');
    expect(seals).toEqual([expect.objectContaining({ id: sessionId })]);
    expect(seals[0]!.detail).toMatch(/does not verify at event \d+/);
    // The forged text itself never reaches the report.
    expect(JSON.stringify(check)).not.toContain('FORGED');
  } finally {
    removeDir(dir);
  }
});

test('a trainer deletes the recovery slot and hides it from the audit refs: vault check still names it', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'tara',
      displayName: 'Tara',
      role: 'trainer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    core.close();
    const insider = openAsInsider(dir, 'tara');
    insider.db.prepare("DELETE FROM key_slots WHERE slot_id = 'recovery'").run();
    rewriteRefs(dir, insider, 'slot:recovery', (r) => ({ ...r, hash: '' }));

    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        kind: 'slot',
        id: 'slot:recovery',
        detail: expect.stringMatching(/recovery key slot is missing/),
      }),
    );
    // The re-chained entry was signed by the admin: the trainer cannot re-sign it.
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        kind: 'audit',
        detail: expect.stringMatching(/author signature does not match/),
      }),
    );
  } finally {
    removeDir(dir);
  }
});

test('a user slot deleted with its audit refs hidden: the certified user is named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'tara',
      displayName: 'Tara',
      role: 'trainer',
      passphrase: PASS,
    });
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    core.close();
    const insider = openAsInsider(dir, 'tara');
    insider.db.prepare("DELETE FROM key_slots WHERE slot_id = 'user:ivan'").run();
    rewriteRefs(dir, insider, 'slot:user:ivan', (r) => ({ ...r, hash: '' }));

    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        kind: 'slot',
        id: 'slot:user:ivan',
        detail: expect.stringMatching(/ivan is a certified user but has no key slot/),
      }),
    );
  } finally {
    removeDir(dir);
  }
});

// ---- signed audit entries (security red team, finding 1) --------------------------------------

async function twoInterviewersAndALiveNote() {
  const core = await makeVault();
  for (const u of ['ivan', 'iris'])
    await call(core, 'users.add', {
      username: u,
      displayName: u,
      role: 'interviewer',
      passphrase: PASS,
    });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'LV-1',
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'ORIGINAL WORDS' });
  await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'Tell me more.' });
  await call(core, 'vault.lock', {});
  core.close();
  return { dir: core.vaultDir, sessionId };
}

test("a colleague rewrites another interviewer's live (unsealed) note offline and re-chains: vault check and sessions.verify name it", async () => {
  const { dir, sessionId } = await twoInterviewersAndALiveNote();
  try {
    const insider = openAsInsider(dir, 'iris');
    const { db, keys, records } = insider;
    let target: { address: RecordAddress; value: unknown } | undefined;
    for (const row of records.allRows())
      if (row.readable === 'yes' && JSON.stringify(row.value).includes('ORIGINAL WORDS'))
        target = { address: row.address, value: row.value };
    expect(target).toBeDefined();
    const forged = JSON.parse(
      JSON.stringify(target!.value).replace('ORIGINAL WORDS', 'FORGED WORDS'),
    ) as unknown;
    const internals = records as unknown as { associatedData(a: RecordAddress): Uint8Array };
    const sealed = aeadEncrypt(
      keys.key(target!.address.keyRef),
      utf8(JSON.stringify(forged)),
      internals.associatedData(target!.address),
    );
    db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
      Buffer.from(sealed.nonce),
      Buffer.from(sealed.ciphertext),
      target!.address.recordId,
    );
    const hash = recordHash(sealed.nonce, sealed.ciphertext);
    rewriteRefs(dir, insider, target!.address.recordId, (r) => ({ ...r, hash }));

    const core = makeCore(dir);
    try {
      await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const check = await call(core, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({
          kind: 'audit',
          detail: expect.stringMatching(/author signature does not match/),
        }),
      );
      await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      const verdict = await call(core, 'sessions.verify', { sessionId });
      expect(verdict.ok).toBe(false);
      // The session summary's head (main, scale) or the author's signed audit entry names it.
      expect(verdict.reason).toMatch(
        /fails: audit entry author signature does not match|head recorded when its last event/,
      );
      expect(JSON.stringify([check, verdict])).not.toContain('FORGED');
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

test("an interviewer erases an admin's audit entry from the middle of the log and re-chains: vault check names it", async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'cases.create', {
      reference: 'B-1',
      childAlias: 'X',
      childAgeYears: 8,
      language: 'en',
    });
    await call(core, 'cases.create', {
      reference: 'O-2',
      childAlias: 'Y',
      childAgeYears: 9,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    core.close();
    const insider = openAsInsider(dir, 'ivan');
    const { db } = insider;
    const max = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    const victim = max - 2; // the admin's first cases.create
    // Erase it: every later entry moves down one place (what a rewritten history looks like).
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim);
    db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > ?').run(victim);
    rechainFrom(insider, victim);
    moveAnchor(dir, db);
    db.close();

    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        kind: 'audit',
        id: String(victim),
        detail: expect.stringMatching(/author signature does not match/),
      }),
    );
  } finally {
    removeDir(dir);
  }
});

test('author signatures stripped, or an entry signed by a fresh uncertified key: both named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir));
    const max = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL WHERE seq = ?').run(max);
    // A key nobody certified signs entry max-1 (the signature itself is valid for that key).
    const fresh = generateSignKeyPair();
    db.prepare('UPDATE audit_log SET signer = ?, signature = ? WHERE seq = ?').run(
      Buffer.from(fresh.publicKey),
      Buffer.from(signDetached(utf8('anything'), fresh.secretKey)),
      max - 1,
    );
    db.close();
    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        id: String(max),
        detail: expect.stringMatching(/no author signature/),
      }),
    );
    expect(check.problems).toContainEqual(
      expect.objectContaining({ id: String(max - 1), kind: 'audit' }),
    );
  } finally {
    removeDir(dir);
  }
});

test('stripping every signature and moving audit_signed_from no longer passes as an older vault: named (red team 3, M1)', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    // What migration 0004 leaves on an older vault, forged on a new one: the centre signed
    // entry 1 as the start (audit-start.test.ts has the other forms of this attack; the honest
    // upgrade is tests/integration/session-summaries.test.ts, from a real schema-2 vault).
    const db = new Database(vaultFile(dir));
    const max = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
    db.prepare('UPDATE vault_meta SET audit_signed_from = ?').run(max + 1);
    db.close();
    const check = await checkAsAdmin(dir);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.detail).join('\n')).toMatch(
      new RegExp(
        `AUDIT_START_MOVED: the vault file says audit entries are signed from entry ${max + 1}`,
      ),
    );
    expect((check.notices ?? []).map((n) => n.kind)).not.toContain('legacy-unsigned');
  } finally {
    removeDir(dir);
  }
});

// Red team round 3, H1: instead of touching the interviewer's signed entries, the colleague
// appends ONE new audit entry signed by her own certified key (actor "ivan", detail
// signedInAtCommit "iris", the export path) committing to the rewritten note and a fresh summary.
test('a colleague rewrites a live note under a NEW entry signed by her own key: vault check names the rewrite', async () => {
  const { dir, sessionId } = await twoInterviewersAndALiveNote();
  try {
    const v = Vault.open(dir, { argon2: FAST_ARGON2 });
    v.unlock('iris', PASS);
    const internals = v as unknown as {
      records: RecordStore;
      keys: KeyStore;
      db: Database.Database;
    };
    const { records, keys, db } = internals;
    const sealingAd = (
      records as unknown as { associatedData(a: RecordAddress): Uint8Array }
    ).associatedData.bind(records);
    let target: { address: RecordAddress; value: unknown } | undefined;
    for (const row of records.allRows())
      if (row.readable === 'yes' && JSON.stringify(row.value).includes('ORIGINAL WORDS'))
        target = { address: row.address, value: row.value };
    expect(target).toBeDefined();
    // The service's shared context (session-context.ts) holds the write path an insider reuses.
    const svc = (
      new SessionService(v) as unknown as {
        ctx: {
          readLoaded(id: string): unknown;
          putSummary(l: unknown, put: (a: RecordAddress, val: unknown) => unknown): void;
        };
      }
    ).ctx;
    v.transact(() => {
      const forged = JSON.parse(
        JSON.stringify(target!.value).replace('ORIGINAL WORDS', 'FORGED WORDS'),
      ) as unknown;
      const a = target!.address;
      const e = aeadEncrypt(keys.key(a.keyRef), utf8(JSON.stringify(forged)), sealingAd(a));
      db.prepare('UPDATE records SET nonce=?, ciphertext=? WHERE record_id=?').run(
        Buffer.from(e.nonce),
        Buffer.from(e.ciphertext),
        a.recordId,
      );
      const refs = [{ id: a.recordId, seq: a.seq, hash: recordHash(e.nonce, e.ciphertext) }];
      svc.putSummary(svc.readLoaded(sessionId), (addr, val) => {
        const r = records.put(addr, val);
        refs.push(r);
        return r;
      });
      (v as unknown as { audit: AuditLog }).audit.append({
        at: v.nowIso(),
        actor: 'ivan',
        action: 'sessions.addNote',
        target: sessionId,
        detail: { signedInAtCommit: 'iris' },
        records: refs,
      });
    });
    v.lock();
    v.close();

    const core = makeCore(dir);
    try {
      await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const check = await call(core, 'vault.check', {});
      expect(check.ok).toBe(false);
      const details = check.problems.map((p) => p.detail).join('\n');
      expect(details).toMatch(/rewrites interview event .* events are written once/);
      expect(details).toMatch(/writes into ivan's interview but is signed by iris/);
      expect(details).toMatch(/says it was written by ivan, but it is signed by iris/);
      expect(JSON.stringify(check)).not.toContain('FORGED');
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

// ---- the audit index (sessions.verify per session, migrations/0005) ---------------------------

type StoredEvent = { seq: number; type: string; by: string; text?: string };

/**
 * The insider rewrites the colleague's live note with `edit` and re-seals the session summary
 * with the chain head recomputed over the forged events, so the summary anchor agrees with them.
 */
function forgeNoteAndSummary(
  insider: Insider,
  sessionId: string,
  edit: (event: StoredEvent) => StoredEvent,
) {
  const { db, keys, records } = insider;
  const internals = records as unknown as { associatedData(a: RecordAddress): Uint8Array };
  const reseal = (address: RecordAddress, value: unknown) => {
    const sealed = aeadEncrypt(
      keys.key(address.keyRef),
      utf8(JSON.stringify(value)),
      internals.associatedData(address),
    );
    db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
      Buffer.from(sealed.nonce),
      Buffer.from(sealed.ciphertext),
      address.recordId,
    );
    return recordHash(sealed.nonce, sealed.ciphertext);
  };
  const events = records.listByIdPrefix<StoredEvent>(sessionId).records;
  const index = events.findIndex((r) => r.value.text === 'ORIGINAL WORDS');
  expect(index).toBeGreaterThan(0);
  expect(index).toBeLessThan(events.length - 1); // not the newest event
  const target = events[index]!;
  const forged = edit(target.value);
  const hash = reseal(target.address, forged);
  const version = chainVersionOf(events[0]!.value);
  let head = genesisHash(sessionId);
  for (const [i, e] of events.entries())
    head = nextHash(head, i === index ? forged : e.value, version);
  const summary = records.get<Record<string, unknown>>(`summary:${sessionId}`)!;
  reseal(summary.address, { ...summary.value, head });
  return { recordId: target.address.recordId, seq: forged.seq, hash };
}

/** Appends an entry signed with the insider's own certified key, as Hearth's code would. */
function appendOwnEntry(
  insider: Insider,
  username: string,
  ref: { recordId: string; seq: number; hash: string },
) {
  const secretKey = readSigningKey(insider.records, username);
  const audit = new AuditLog(insider.db, insider.keys, insider.vaultId, () => ({
    publicKey: secretKey.slice(32),
    sign: (message) => signDetached(message, secretKey),
  }));
  audit.append({
    at: new Date().toISOString(),
    actor: username,
    action: 'sessions.addNote',
    records: [{ id: ref.recordId, seq: ref.seq, hash: ref.hash }],
  });
}

interface IndexInternals {
  chainFor(epoch: number | null): unknown;
  indexRecords(seq: number, refs: Ref[], chainKeyId: string, chain: unknown): void;
}

test.each([
  {
    how: 'points the index at an entry she signed herself',
    edit: (e: StoredEvent) => ({ ...e, text: 'FORGED WORDS' }),
    index: 'own-entry',
    reason: /is signed by iris/,
  },
  {
    how: 'relabels the note as her own and signs an entry for it',
    edit: (e: StoredEvent) => ({ ...e, text: 'FORGED WORDS', by: 'iris' }),
    index: 'own-entry',
    reason: /after the entry of the record that follows it/,
  },
  {
    how: "points the index at another author's older entry",
    edit: (e: StoredEvent) => ({ ...e, text: 'FORGED WORDS' }),
    index: 'entry-1',
    reason: /audit entry 1 does not commit to it/,
  },
  {
    how: 'deletes the index row',
    edit: (e: StoredEvent) => ({ ...e, text: 'FORGED WORDS' }),
    index: 'deleted',
    reason: /has no audit index entry/,
  },
  {
    how: 'leaves the index alone',
    edit: (e: StoredEvent) => ({ ...e, text: 'FORGED WORDS' }),
    index: 'untouched',
    reason: /does not commit to it/,
  },
])(
  'a colleague rewrites a live note and the session summary, and $how: sessions.verify names the note without walking the log',
  async ({ edit, index, reason }) => {
    const { dir, sessionId } = await twoInterviewersAndALiveNote();
    try {
      const insider = openAsInsider(dir, 'iris');
      const forged = forgeNoteAndSummary(insider, sessionId, edit);
      const { db } = insider;
      if (index === 'own-entry') appendOwnEntry(insider, 'iris', forged);
      if (index === 'deleted')
        // The pointer lives in the record's own row since migration 0008.
        db.prepare(
          'UPDATE records SET audit_chain_key_id = NULL, audit_nonce = NULL, audit_sealed_seq = NULL WHERE record_id = ?',
        ).run(forged.recordId);
      if (index === 'entry-1') {
        const row = db
          .prepare('SELECT audit_chain_key_id AS chain_key_id FROM records WHERE record_id = ?')
          .get(forged.recordId) as { chain_key_id: string };
        const audit = insider.audit as unknown as IndexInternals;
        const epoch = (db.prepare('SELECT epoch FROM audit_log WHERE seq = 1').get() as AuditRow)
          .epoch;
        audit.indexRecords(
          1,
          [{ id: forged.recordId, seq: forged.seq, hash: forged.hash }],
          row.chain_key_id,
          audit.chainFor(epoch),
        );
      }
      moveAnchor(dir, db);
      db.close();

      const walk = jest.spyOn(AuditLog.prototype, 'walk');
      const core = makeCore(dir);
      try {
        await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
        walk.mockClear();
        const verdict = await call(core, 'sessions.verify', { sessionId });
        expect(walk).not.toHaveBeenCalled();
        expect(verdict).toMatchObject({ ok: false, firstBadEvent: forged.seq });
        expect(verdict.reason).toMatch(new RegExp(`^event ${forged.seq} `));
        expect(verdict.reason).toMatch(reason);
        expect(JSON.stringify(verdict)).not.toContain('FORGED');
      } finally {
        walk.mockRestore();
        core.close();
      }
    } finally {
      removeDir(dir);
    }
  },
);
