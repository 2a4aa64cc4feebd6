/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- the attack drives Hearth internals as an insider would */
// Red team round 4, N2 (issues #13/#15): interviewer Iris, offline with her own passphrase,
// rewrites the child's words in Ivan's session and appends an audit entry signed by HER certified
// key that commits to the rewritten event and a freshly sealed summary. `vault check` and
// `sessions.verify` name it (actor/signer mismatch); sealing and exporting must refuse it too, or
// the seal and the bundle would put a valid signature over the rewrite. A clean session still
// seals and exports.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aeadEncrypt, initCrypto } from '../../../src/crypto';
import { SessionService } from '../../../src/interview/sessions';
import { Vault } from '../../../src/vault';
import { utf8 } from '../../../src/vault/encoding';
import { recordHash } from '../../../src/vault/records';
import {
  ADMIN,
  call,
  callError,
  FAST_ARGON2,
  makeCore,
  makeVault,
  removeDir,
} from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';
const ORIGINAL = 'ORIGINAL-CHILD-WORDS';
const FORGED = 'IRIS-FORGED-WORDS';

/** Ivan's live session with a child note; returns the closed vault's folder and the ids. */
async function ivansSession(seal: boolean) {
  await initCrypto();
  const core = await makeVault();
  for (const u of ['ivan', 'iris'])
    await call(core, 'users.add', {
      username: u,
      displayName: u,
      role: 'interviewer',
      passphrase: PASS,
    });
  const c = await call(core, 'cases.create', {
    reference: 'R-1',
    childAlias: 'A',
    childAgeYears: 8,
    language: 'en',
    allegationSummary: 'x',
  });
  await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
  const s = await call(core, 'sessions.start', {
    caseId: c.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId: s.sessionId, kind: 'child', text: ORIGINAL });
  await call(core, 'sessions.addNote', {
    sessionId: s.sessionId,
    kind: 'question',
    text: 'Tell me more about that.',
  });
  if (seal) await call(core, 'sessions.finalize', { sessionId: s.sessionId });
  await call(core, 'vault.lock', {});
  core.close();
  return { dir: core.vaultDir, sessionId: s.sessionId };
}

/** The attack, as Iris runs Hearth's own code offline (port of attacks4/colleague-signed-rewrite). */
function irisRewrites(dir: string, sessionId: string): void {
  const v: any = Vault.open(dir, { argon2: FAST_ARGON2 });
  v.unlock('iris', PASS);
  const rec = v.records;
  const target = [...rec.allRows()].find(
    (row: any) => row.readable === 'yes' && JSON.stringify(row.value).includes(ORIGINAL),
  );
  expect(target).toBeDefined();
  const svc: any = new SessionService(v);
  v.transact(() => {
    const forged = JSON.parse(JSON.stringify(target.value).replace(ORIGINAL, FORGED));
    const a = target.address;
    const e = aeadEncrypt(
      v.keys.key(a.keyRef),
      utf8(JSON.stringify(forged)),
      rec.associatedData(a),
    );
    v.db
      .prepare('UPDATE records SET nonce=?, ciphertext=? WHERE record_id=?')
      .run(Buffer.from(e.nonce), Buffer.from(e.ciphertext), a.recordId);
    const refs: unknown[] = [
      { id: a.recordId, seq: a.seq, hash: recordHash(e.nonce, e.ciphertext) },
    ];
    const loaded = svc.ctx.readLoaded(sessionId);
    svc.ctx.putSummary(loaded, (addr: any, val: any, b: any) => {
      const r = rec.put(addr, val, b);
      refs.push(r);
      return r;
    });
    v.audit.append({
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
}

async function auditCount(core: ReturnType<typeof makeCore>, action: string): Promise<number> {
  const list = await call(core, 'audit.list', { limit: 500 });
  return list.entries.filter((e) => e.action === action).length;
}

test('a live session a colleague rewrote cannot be sealed: TAMPERED, nothing written', async () => {
  const { dir, sessionId } = await ivansSession(false);
  irisRewrites(dir, sessionId);
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const verify = await call(core, 'sessions.verify', { sessionId });
    expect(verify.ok).toBe(false);
    const error = await callError(core, 'sessions.finalize', { sessionId });
    expect(error.code).toBe('TAMPERED');
    expect(error.message).toMatch(/vault check/i);
    expect(error.message).toMatch(/administrator/i);
    expect(error.message).not.toContain(FORGED);
    expect((await call(core, 'sessions.get', { sessionId })).status).not.toBe('sealed');
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(await auditCount(core, 'sessions.finalize')).toBe(0);
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('a sealed session a colleague rewrote cannot be exported: TAMPERED, no bundle', async () => {
  const { dir, sessionId } = await ivansSession(true);
  irisRewrites(dir, sessionId);
  const core = makeCore(dir);
  const outDir = mkdtempSync(join(tmpdir(), 'hearth-n2-'));
  try {
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    const error = await callError(core, 'export.sealed', { sessionId, outDir });
    expect(error.code).toBe('TAMPERED');
    expect(error.message).toMatch(/vault check/i);
    expect(readdirSync(outDir)).toEqual([]);
    expect(await auditCount(core, 'export.sealed')).toBe(0);
  } finally {
    core.close();
    removeDir(dir);
    removeDir(outDir);
  }
});

test('a sealed session a colleague rewrote takes no addendum: TAMPERED, nothing written', async () => {
  const { dir, sessionId } = await ivansSession(true);
  irisRewrites(dir, sessionId);
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const error = await callError(core, 'sessions.addAddendum', {
      sessionId,
      text: 'Correction: the time of the break was 10:42.',
    });
    expect(error.code).toBe('TAMPERED');
    expect(error.message).toMatch(/vault check/i);
    expect(error.message).not.toContain(FORGED);
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(await auditCount(core, 'sessions.addAddendum')).toBe(0);
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('a clean session still seals and exports', async () => {
  const { dir, sessionId } = await ivansSession(true);
  const core = makeCore(dir);
  const outDir = mkdtempSync(join(tmpdir(), 'hearth-n2-'));
  try {
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    const exported = await call(core, 'export.sealed', { sessionId, outDir });
    expect(readdirSync(exported.path)).toContain('transcript.txt');
  } finally {
    core.close();
    removeDir(dir);
    removeDir(outDir);
  }
});
