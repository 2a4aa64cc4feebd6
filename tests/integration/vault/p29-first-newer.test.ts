// perf29 (issue #22): after a removal, the read guard's first refusal check of a sign-in
// (AuditLog.firstSeqAboveChainVersion, R13-1) found the first entry under a newer chain key with
// `min(seq) ... WHERE epoch IN (...)`, a scan of the whole log (1.3-1.5 s of CPU at 800,000
// entries). It is now a binary search over seq with chain-MAC proofs at the boundary
// (src/vault/first-newer.ts), and the scan runs only when a proof fails. On a real vault with a
// removal: the same answer as the scan, without the scan; with the entry before the boundary
// edited (its MAC no longer verifies), the scan runs and its answer is returned. Counted, never
// timed.
import Database from 'better-sqlite3';
import { ADMIN, call, removeDir } from '../../helpers/core';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const SCAN = /SELECT min\(seq\) AS seq FROM audit_log WHERE epoch IN/;

/** Runs `fn` counting the statements that scan the log for the first newer entry. */
async function countingScans<T>(fn: () => Promise<T>): Promise<{ value: T; scans: number }> {
  const db = new Database(':memory:');
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
    get: (...a: unknown[]) => unknown;
  };
  db.close();
  const original = proto.get;
  let scans = 0;
  proto.get = function (this: { source: string }, ...args: unknown[]) {
    if (SCAN.test(this.source)) scans++;
    return original.apply(this, args);
  };
  try {
    const value = await fn();
    return { value, scans };
  } finally {
    proto.get = original;
  }
}

/** The scan's answer, in plain SQL on the file: the first entry of an epoch under chain@>v. */
function scanned(db: Database.Database, version: number): number | undefined {
  const row = db
    .prepare(
      `SELECT min(a.seq) AS seq FROM audit_log a JOIN audit_epochs e ON e.epoch = a.epoch
        WHERE CAST(substr(e.chain_key_id, length('class:chain@') + 1) AS INTEGER) > ?`,
    )
    .get(version) as { seq: number | null };
  return row.seq ?? undefined;
}

/**
 * The admin signs in, lists cases (the read guard asks at the first record read; the answer is
 * kept for the sign-in), and asks for the first entry above chain@1 again.
 */
async function adminAsks(core: Core) {
  const vault = await signInAs(core, ADMIN.username);
  await call(core, 'cases.list', {});
  return { vault, first: vault.audit.firstSeqAboveChain(1) };
}

test('after a removal the first entry under the newer chain key is found without the scan, and with it when the boundary does not chain', async () => {
  const core = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['rosa', 'interviewer'],
  ]);
  try {
    // Sign-ins before the removal (epochs under chain@1), the removal, sign-ins after (chain@2).
    await signInAs(core, 'rosa');
    await signInAs(core, ADMIN.username);
    await call(core, 'users.remove', { username: 'ivan' });
    await signInAs(core, 'rosa');
    const found = await countingScans(() => adminAsks(core));
    const { vault } = found.value;
    const expected = scanned(vault.db, 1);
    expect(expected).toBeDefined();
    expect(found.value.first).toBe(expected);
    expect(found.scans).toBe(0);
    // Nothing is newer than chain@2.
    expect(vault.audit.firstSeqAboveChain(2)).toBeUndefined();
    const first = expected as number;
    const epochOf = (seq: number) =>
      (vault.db.prepare('SELECT epoch FROM audit_log WHERE seq = ?').get(seq) as { epoch: number })
        .epoch;
    expect(epochOf(first - 1)).toBeLessThan(epochOf(first));

    // The entry before the boundary is edited (its MAC): the search cannot prove its answer, so
    // the scan runs and answers as it always did.
    vault.db.prepare('UPDATE audit_log SET mac = randomblob(32) WHERE seq = ?').run(first - 1);
    const fallback = await countingScans(() => adminAsks(core));
    expect(fallback.scans).toBe(1);
    expect(fallback.value.first).toBe(scanned(fallback.value.vault.db, 1));
    expect(fallback.value.first).toBe(first);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
