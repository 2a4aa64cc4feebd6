// Issue #22 leftover (after R10-10): the write-once check run before a seal, an addendum or an
// export (src/vault/write-once.ts sessionWriteOnceProblem) read every audit entry written since
// the session started, a cost that grew with the whole vault's activity. Now it reads the
// entries the per-session audit index (migrations/0009) lists for that session. Counted, not
// timed: the audit entries whose references it opens are the same with 5 and with 150 entries
// of another session written in between; and a seal removed behind many unrelated entries is
// still SEAL_REMOVED.
import type { SessionEvent, SessionMeta } from '../../../src/interview';
import { genesisHash } from '../../../src/interview/chain';
import { eventRecordId, metaAddress } from '../../../src/interview/session-records';
import { applyEvent, initialState } from '../../../src/interview/state';
import type * as Forge from '../../helpers/forge-access';
import { capturedContext, forging } from '../../helpers/forge';
import { AuditLog } from '../../../src/vault/audit';
import { sessionWriteOnceProblem } from '../../../src/vault/write-once';
import { call, makeVault, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

jest.mock('../../../src/interview/session-access', () =>
  jest.requireActual<typeof Forge>('../../helpers/forge-access').forgeableSessionAccess(),
);

const PASS = 'a long enough staff passphrase';
type Core = Awaited<ReturnType<typeof makeVault>>;

/** How many audit entries' references the write-once check of `sessionId` opens. */
function entriesOpened(sessionId: string): { opened: number; found: unknown } {
  const spy = jest.spyOn(AuditLog.prototype as unknown as { openRefs: () => unknown }, 'openRefs');
  try {
    const found = sessionWriteOnceProblem(capturedContext().vault, sessionId);
    return { opened: spy.mock.calls.length, found };
  } finally {
    spy.mockRestore();
  }
}

async function notes(core: Core, sessionId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: `Question ${i}?` });
}

/** The interviewer's modified client removes her seal (the newest event), as in seal-removed. */
async function unseal(core: Core, sessionId: string): Promise<void> {
  await call(core, 'sessions.get', { sessionId });
  const ctx = capturedContext();
  const events: SessionEvent[] = ctx.readEvents(sessionId).events;
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
      ctx.commit(loaded, 'sessions.addNote', [], (put) => {
        ctx.vault.records.remove(eventRecordId(sessionId, seal.seq));
        put(metaAddress(meta), meta);
      }),
    );
  } finally {
    ctx.loaded.delete(sessionId);
  }
}

test('#22: the write-once check opens the same audit entries with 5 or 150 unrelated entries; a seal removed behind many is still SEAL_REMOVED', async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', {
      username: 'ola',
      displayName: 'OLA',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const small = await liveInterview(core);
    const large = await liveInterview(core);
    const other = await liveInterview(core);
    await notes(core, other, 5);
    await call(core, 'sessions.get', { sessionId: small });
    const before = entriesOpened(small);
    expect(before.found).toBeUndefined();
    // Its own entries: the start and the note (a check that opens nothing would prove nothing).
    expect(before.opened).toBeGreaterThanOrEqual(2);

    await notes(core, other, 150);
    const after = entriesOpened(small);
    expect(after).toEqual(before);

    // Removal detection is kept behind many unrelated entries: Ola seals, 150 entries of
    // another session follow, her own modified client removes the seal.
    await call(core, 'sessions.finalize', { sessionId: large });
    await notes(core, other, 150);
    await unseal(core, large);
    const removed = entriesOpened(large);
    expect(removed.found).toMatchObject({ removed: true, wasSeal: true });
    expect(removed.opened).toBeLessThan(20);
    const refused = await core.invoke('sessions.finalize', { sessionId: large });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'TAMPERED', reason: 'SEAL_REMOVED' },
    });
    const exported = await core.invoke('export.sealed', {
      sessionId: large,
      outDir: core.vaultDir,
    });
    expect(exported.ok).toBe(false);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
