// Red team round 8, R8-E (regression): ola exports her own sealed session normally; ivan's modified
// client then appends "ola export.sealed" signed by himself, pointing to ola's genuine
// export.started entry (already used by her own commit), or to a start of another session.
// vault check names it with a code (EXPORT_START_REUSED / EXPORT_START_MISSING); the honest
// export alone leaves the check clean.
// The remainder: ola's export FAILS, leaving an unused start; ivan's forged commit pointing to it
// cannot reveal the nonce only her export held (EXPORT_START_UNPROVEN, worded en/es-419 with a
// next step); ola's retry after the failure succeeds and the check stays clean.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../../locales/en/ui.json';
import es from '../../../locales/es/ui.json';
import { randomBytes } from '../../../src/crypto';
import { Vault } from '../../../src/vault';
import type { AuditEntry } from '../../../src/vault/audit';
import {
  ADMIN,
  call,
  FAST_ARGON2,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';

const PASS = 'a long enough staff passphrase';
const OTHER = 'session:sess_0123456789abcdef0123456789abcdef';

/**
 * Admin's walk (test only: the insider finds the seq from the cleartext signer column, R7-4):
 * the newest export.started entry.
 */
function exportStart(dir: string): { seq: number; target: string } {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    let found = { seq: -1, target: '' };
    vault.audit.walk((seq, _records, body?: AuditEntry) => {
      if (body?.action === 'export.started') found = { seq, target: body.target ?? '' };
    });
    vault.lock();
    return found;
  } finally {
    vault.close();
  }
}

async function adminCheck(dir: string) {
  const admin = makeCore(dir);
  try {
    await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return await call(admin, 'vault.check', {});
  } finally {
    admin.close();
  }
}

type Core = Awaited<ReturnType<typeof makeVault>>;

/** ola and ivan (interviewers); ola signed in with a sealed live session of her own. */
async function olaWithSealedSession(core: Core): Promise<string> {
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', {
      username,
      displayName: username,
      role: 'interviewer',
      passphrase: PASS,
    });
  const c = await call(core, 'cases.create', {
    reference: 'C-1',
    childAlias: 'R',
    childAgeYears: 9,
    language: 'en',
  });
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  const s = await call(core, 'sessions.start', {
    caseId: c.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId: s.sessionId, kind: 'child', text: 'park' });
  await call(core, 'sessions.finalize', { sessionId: s.sessionId });
  return s.sessionId;
}

/** ivan's modified client: "ola export.sealed" signed by ivan, pointing to entry startedAtEntry. */
function forgeCommit(dir: string, target: string, detail: Record<string, string | number>): void {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    vault.unlock('ivan', PASS);
    vault.transact(() =>
      vault.audit.append({
        at: new Date().toISOString(),
        actor: 'ola',
        action: 'export.sealed',
        target,
        detail: { recipient: 'outside', signedInAtCommit: 'ivan', ...detail },
      }),
    );
    vault.lock();
  } finally {
    vault.close();
  }
}

/** A check code's wording with its values filled in, as Settings shows it. */
function worded(locale: typeof en, code: string, values: Record<string, unknown>): string {
  const text = (locale.settings.checkCodes as Record<string, string>)[code] ?? '';
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k]));
}

test.each([
  ['the same session', 'EXPORT_START_REUSED', (own: string) => own],
  ['another session', 'EXPORT_START_MISSING', () => OTHER],
])(
  "R8-E: re-using a colleague's used export start for %s is named %s",
  async (_label, code, target) => {
    const core = await makeVault();
    const dir = core.vaultDir;
    const out = tempDir('hearth-r8e-');
    try {
      const sessionId = await olaWithSealedSession(core);
      await call(core, 'export.sealed', { sessionId, outDir: out });
      await call(core, 'vault.lock', {});
      core.close();
      const honest = await adminCheck(dir);
      expect(honest.problems).toEqual([]);
      const start = exportStart(dir);
      expect(start.seq).toBeGreaterThan(0);
      forgeCommit(dir, target(start.target), { startedAtEntry: start.seq });
      const check = await adminCheck(dir);
      expect(check.ok).toBe(false);
      const named = check.problems.filter((p) => p.code === code);
      expect(named).toHaveLength(1);
      expect(named[0]?.values).toMatchObject({ actor: 'ola', signer: 'ivan' });
    } finally {
      removeDir(dir);
      removeDir(out);
    }
  },
);

/** ola's export that fails after its start: the output folder is a file, so nothing is written. */
async function failedExport(core: Core, sessionId: string, out: string): Promise<void> {
  const blocked = join(out, 'not-a-folder');
  writeFileSync(blocked, 'x');
  await expect(call(core, 'export.sealed', { sessionId, outDir: blocked })).rejects.toThrow();
}

test.each([
  ['no nonce', () => ({})],
  ['a guessed nonce', () => ({ startNonce: Buffer.from(randomBytes(32)).toString('hex') })],
])(
  "R8-E remainder: a colleague's FAILED export start cannot frame an export of it (%s)",
  async (_label, nonce) => {
    const core = await makeVault();
    const dir = core.vaultDir;
    const out = tempDir('hearth-r8e-failed-');
    try {
      const sessionId = await olaWithSealedSession(core);
      await failedExport(core, sessionId, out);
      await call(core, 'vault.lock', {});
      core.close();
      // The failed attempt alone is no problem: a start that was never committed is an attempt.
      expect((await adminCheck(dir)).problems).toEqual([]);
      const start = exportStart(dir);
      expect(start.target).toBe(`session:${sessionId}`);
      forgeCommit(dir, start.target, { startedAtEntry: start.seq, ...nonce() });
      const check = await adminCheck(dir);
      expect(check.ok).toBe(false);
      expect(check.problems).toHaveLength(1);
      const [named] = check.problems;
      expect(named?.code).toBe('EXPORT_START_UNPROVEN');
      expect(named?.values).toMatchObject({ actor: 'ola', signer: 'ivan', start: start.seq });
      const values = named?.values ?? {};
      expect(worded(en, 'EXPORT_START_UNPROVEN', values)).toMatch(
        /says ola started this export, signed by ivan, .*Restore the newest backup and report it\.$/,
      );
      expect(worded(es, 'EXPORT_START_UNPROVEN', values)).toMatch(
        /dice que ola inició esta exportación, firmada por ivan, .*Restaure la copia de seguridad más reciente y repórtelo\.$/,
      );
      expect(worded(es, 'EXPORT_START_UNPROVEN', values)).not.toMatch(/\{\{/);
    } finally {
      removeDir(dir);
      removeDir(out);
    }
  },
);

test('R8-E remainder (honest): a failed export, then a retry by the same user, is clean', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = tempDir('hearth-r8e-retry-');
  try {
    const sessionId = await olaWithSealedSession(core);
    await failedExport(core, sessionId, out);
    const exported = await call(core, 'export.sealed', { sessionId, outDir: out });
    expect(exported.fingerprint).toMatch(/\S/);
    await call(core, 'vault.lock', {});
    core.close();
    const check = await adminCheck(dir);
    expect(check).toMatchObject({ ok: true, problems: [] });
  } finally {
    removeDir(dir);
    removeDir(out);
  }
});

test("R8-E remainder (honest): an export committed while a colleague is signed in reveals its start's nonce and is clean", async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    const sessionId = await olaWithSealedSession(core);
    await call(core, 'vault.lock', {});
    core.close();
    const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
    try {
      // ola's export starts; ivan signs in before it commits (the one legitimate foreign commit).
      vault.unlock('ola', PASS);
      const ticket = vault.recordStart('export.started', `session:${sessionId}`);
      vault.lock();
      vault.unlock('ivan', PASS);
      vault.write(
        'export.sealed',
        `session:${sessionId}`,
        () => undefined,
        {},
        {
          username: 'ola',
          ...ticket,
        },
      );
      vault.lock();
    } finally {
      vault.close();
    }
    const check = await adminCheck(dir);
    expect(check).toMatchObject({ ok: true, problems: [] });
  } finally {
    removeDir(dir);
  }
});
