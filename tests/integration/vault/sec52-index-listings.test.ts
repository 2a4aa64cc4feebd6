// sec52 (issue #15, after red team 23's R23-1): the case listing refused an index rebuilt to
// leave a case out only on its paged path, by comparing the sealed totals of the case order
// index's last chunk with the index's count. Two ways round it: (a) leave the last order chunk
// out of the index too (the listing found the last chunk through the same index, saw none, and
// fell back to reading every case through the index: case hidden, no error); (b) search
// (`query`), which always read every case through the index. Both now refuse (TAMPERED, naming
// the index): the last chunk is found by primary key, and the search path checks the totals too.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

/** Rebuilds records_by_kind without the rows of `hidden`, then restores its SQL text. */
function rebuildWithout(vaultDir: string, hidden: string[]): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const { sql } = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'records_by_kind'")
      .get() as { sql: string };
    db.exec('DROP INDEX records_by_kind');
    db.exec(`${sql} AND record_id NOT IN (${hidden.map((h) => `'${h}'`).join(', ')})`);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(
      "UPDATE sqlite_master SET sql = ? WHERE type = 'index' AND name = 'records_by_kind'",
    ).run(sql);
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

async function withHiddenCase(
  hideChunk: boolean,
  then: (core: Core, hidden: string) => Promise<void>,
): Promise<void> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    const hidden = await makeCase(core, 'HIDDEN-2');
    expect((await call(core, 'cases.list', { query: 'hidden' })).cases).toHaveLength(1);
    await call(core, 'vault.lock', {});
    core.close();
    rebuildWithout(core.vaultDir, hideChunk ? [hidden, 'case-order:000000'] : [hidden]);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    await then(core, hidden);
  } finally {
    await core.invoke('vault.lock', {});
    core.close();
    removeDir(core.vaultDir);
  }
}

test('a case and the last case-order chunk left out of the index: the Cases listing refuses, naming the index', async () => {
  await withHiddenCase(true, async (core, hidden) => {
    for (const request of [{}, { query: 'seen' }]) {
      const refused = await callError(core, 'cases.list', request);
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toContain('records_by_kind');
    }
    expect(JSON.stringify(await call(core, 'cases.get', { caseId: hidden }))).toContain('HIDDEN-2');
  });
});

test('a case left out of the index: a search refuses, naming the index, instead of finding nothing', async () => {
  await withHiddenCase(false, async (core) => {
    const refused = await callError(core, 'cases.list', { query: 'hidden' });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toContain('records_by_kind');
    expect(refused.message).toMatch(/vault check/);
  });
});
