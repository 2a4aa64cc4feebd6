// Red team round 10, R10-10 and R10-3 (attacks10/r10c.test.ts, r10b.test.ts session E): a seal
// removed or replaced after it was written must be seen on the seal/verify/export path, not only
// by `vault check`.
//   R10-10: the interviewer's own modified client removes her seal row and rewrites the session
//           record as active, all under her own signed entry; before the fix `sessions.verify`
//           was ok, she wrote on, re-sealed, and the bundle verified clean (exit 0).
//   R10-3:  a colleague replaces her seal with a `sealed` event of his own; before the fix it
//           read as a mere FOREIGN_EVENT and she could write after her seal and re-seal.
// Now both are SEAL_REMOVED: verify says so, and note, seal, addendum and export are refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionEvent, SessionMeta } from '../../../src/interview';
import { genesisHash } from '../../../src/interview/chain';
import { eventRecordId, metaAddress } from '../../../src/interview/session-records';
import { applyEvent, initialState } from '../../../src/interview/state';
import type * as Forge from '../../helpers/forge-access';
import { capturedContext, forging } from '../../helpers/forge';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

jest.mock('../../../src/interview/session-access', () =>
  jest.requireActual<typeof Forge>('../../helpers/forge-access').forgeableSessionAccess(),
);

const PASS = 'a long enough staff passphrase';
type Core = Awaited<ReturnType<typeof makeVault>>;

/**
 * The signed-in user's modified client takes the seal (the newest event) out of the session, in
 * one commit under her own audit entry: the seal row removed, the session record active again,
 * and (when `replaceWith` is given) a `sealed` event of the writer's own at the same seq.
 */
async function unseal(
  core: Core,
  sessionId: string,
  replaceWith?: (seal: SessionEvent) => SessionEvent,
): Promise<void> {
  await call(core, 'sessions.get', { sessionId });
  const ctx = capturedContext();
  const events = ctx.readEvents(sessionId).events;
  const seal = events[events.length - 1]!;
  expect(seal.type).toBe('sealed');
  const loaded = ctx.readLoaded(sessionId);
  const { sealedAt: _sealedAt, ...rest } = loaded.state.meta;
  const meta: SessionMeta = { ...rest, status: 'active', version: loaded.state.meta.version + 1 };
  const state = initialState(meta, genesisHash(sessionId));
  for (const e of events.slice(0, -1)) applyEvent(state, e);
  loaded.state = state;
  try {
    await forging(() =>
      ctx.commit(loaded, 'sessions.addNote', replaceWith ? [replaceWith(seal)] : [], (put) => {
        ctx.vault.records.remove(eventRecordId(sessionId, seal.seq));
        put(metaAddress(meta), meta);
      }),
    );
  } finally {
    ctx.loaded.delete(sessionId);
  }
}

test('R10-10 / R10-3: a removed or replaced seal is SEAL_REMOVED on verify, and nothing is written or exported after it', async () => {
  const core = await makeVault();
  const out = mkdtempSync(join(tmpdir(), 'hearth-r10s-'));
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username.toUpperCase(),
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const ownRemoval = await liveInterview(core);
    const replaced = await liveInterview(core);
    const honest = await liveInterview(core);
    for (const sessionId of [ownRemoval, replaced, honest])
      await call(core, 'sessions.finalize', { sessionId });
    // R10-10: Ola's own client removes her seal.
    await unseal(core, ownRemoval);
    await call(core, 'vault.lock', {});
    // R10-3: Ivan's client replaces it with a `sealed` event of his own.
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await unseal(
      core,
      replaced,
      (seal) =>
        ({ ...seal, by: 'ivan', signer: 'ivan', signature: '00'.repeat(64) }) as SessionEvent,
    );
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    for (const sessionId of [ownRemoval, replaced]) {
      // sessions.verify stays independent of the vault's size (issue #22), so the seal history
      // is read where a signature would go onto the record: the seal, an addendum, an export.
      const refused = await core.invoke('sessions.finalize', { sessionId });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'TAMPERED',
          reason: 'SEAL_REMOVED',
          message: expect.stringMatching(
            /was sealed \(event 3\), but its seal was (removed|replaced) afterwards .*restore the vault from a backup/,
          ),
        },
      });
      expect(JSON.stringify(refused)).not.toMatch(/after dinner/);
      // Nothing is signed onto it or exported: a note "after the seal" and a second seal are refused.
      await core.invoke('sessions.addNote', {
        sessionId,
        kind: 'child',
        text: 'a detail added after the seal',
      });
      const reseal = await core.invoke('sessions.finalize', { sessionId });
      expect(reseal).toMatchObject({
        ok: false,
        error: { code: 'TAMPERED', reason: 'SEAL_REMOVED' },
      });
      const exported = await core.invoke('export.sealed', { sessionId, outDir: out });
      expect(exported.ok).toBe(false);
    }
    // The honest interview: verify clean, exported.
    expect(await call(core, 'sessions.verify', { sessionId: honest })).toEqual({ ok: true });
    await call(core, 'export.sealed', { sessionId: honest, outDir: out });
    await call(core, 'vault.lock', {});

    // `vault check` names the writer of each rewrite.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const details = JSON.stringify(check.problems);
    expect(details).toMatch(new RegExp(`${replaced}:0000000003.*signed by ivan`));
  } finally {
    core.close();
    removeDir(core.vaultDir);
    rmSync(out, { recursive: true, force: true });
  }
});
