// perf27 (issue #22): every admin sign-in checks, for each of the nine class key floors, that no
// entry of the log is chained under a newer chain key than the floor's statement (RT22-1: a
// pointer put back from an older copy). Each check passed over the whole epochs table, which
// grows by one row per sign-in: nine passes per unlock, 26 ms at 6,250 sign-ins. The pass is now
// made once per sign-in and kept while no epoch is added. Counted and answered, never timed.
import Database from 'better-sqlite3';
import { classKey } from '../../../src/vault/roles';
import { floorRefId } from '../../../src/vault/key-floors';
import { ADMIN, call, removeDir } from '../../helpers/core';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';
import { counted } from '../../helpers/work-counter';

jest.setTimeout(300_000);

/** Statements that pass over the epochs table (every row), as opposed to reading one epoch. */
const EPOCH_PASS = /FROM\s+audit_epochs(\s+e)?\s+WHERE\s+(e\.)?chain_key_id\s+GLOB/;

test('a floor statement made before a removal is older than an entry under the newer chain key, and the same answer comes from a fresh sign-in', async () => {
  const core: Core = await vaultWithStaff([['ivan', 'interviewer']]);
  try {
    let vault = await signInAs(core, ADMIN.username);
    const ref = floorRefId(classKey('case'));
    const before = vault.audit.indexedEntry(ref);
    expect(before).toBeDefined();
    expect(vault.audit.newerChainAfter(before as number)).toBe(false);
    await call(core, 'users.remove', { username: 'ivan' });
    // The next sign-in opens its epoch under the chain key the removal made.
    vault = await signInAs(core, ADMIN.username);
    const after = vault.audit.indexedEntry(ref);
    expect(after).toBeGreaterThan(before as number);
    expect(vault.audit.newerChainAfter(before as number)).toBe(true);
    expect(vault.audit.newerChainAfter(after as number)).toBe(false);
    // The admin's sign-in found the removal's floor statement current: nothing was restated (a
    // stale reading makes the sign-in walk the log and write a keys.floor entry).
    const listed = (await call(core, 'audit.list', { limit: 1000 })).entries;
    expect(listed.some((e) => e.action === 'users.remove')).toBe(true);
    expect(listed.filter((e) => e.action === 'keys.floor')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an admin sign-in passes over the epochs table at most once, however many class floors it reads', async () => {
  const core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    // More sign-ins, more epochs: the pass is one whatever their number.
    for (let i = 0; i < 3; i++) await signInAs(core, 'ola');
    await call(core, 'vault.lock', {});
    const db = new Database(':memory:');
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
      get: (...a: unknown[]) => unknown;
    };
    db.close();
    const original = proto.get;
    let passes = 0;
    proto.get = function (this: { source: string }, ...args: unknown[]) {
      if (EPOCH_PASS.test(this.source)) passes++;
      return original.apply(this, args);
    };
    let counts: Awaited<ReturnType<typeof counted>> | undefined;
    try {
      counts = await counted(() =>
        call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
      );
    } finally {
      proto.get = original;
    }
    expect(counts?.statements).toBeGreaterThan(100);
    expect(passes).toBe(1);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
