/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- counts rows through better-sqlite3's Statement prototype */
// Issue #22: the Cases screen's first page, sessions.list of one case, and unlock after the KDF
// must not grow with the vault. Time depends on the machine; what the code does does not. So
// this test counts, per call, the SQL statements run, the rows they return and the records
// decrypted, on a vault of 60 cases (one case order chunk) and on one of 572 cases (three
// chunks, with sessions in other cases and an archived case in the oldest chunk), and asserts
// the counts are the same. A listing that read every case id, every chunk, every archived case
// or every session summary would differ here.
import Database from 'better-sqlite3';
import { initCrypto } from '../../../src/crypto';
import { SessionService } from '../../../src/interview';
import { archiveCase, createCase, Vault } from '../../../src/vault';
import { CHUNK_SIZE } from '../../../src/vault/case-order';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, FAST_ARGON2, makeCore, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

interface Counts {
  statements: number;
  rows: number;
  decrypted: number;
}

/** Counts statements, rows returned and records decrypted while `fn` runs. */
async function counted(fn: () => Promise<unknown>): Promise<Counts> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, any>;
  probe.close();
  const counts: Counts = { statements: 0, rows: 0, decrypted: 0 };
  const originals = new Map<string, any>();
  for (const method of ['get', 'all', 'run', 'iterate']) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      counts.statements++;
      if (method === 'get') counts.rows += result === undefined ? 0 : 1;
      if (method === 'all') counts.rows += (result as unknown[]).length;
      if (method === 'iterate')
        return (function* () {
          for (const row of result as Iterable<unknown>) {
            counts.rows++;
            yield row;
          }
        })();
      return result;
    };
  }
  const opened = jest.spyOn(RecordStore.prototype as any, 'openRow');
  try {
    await fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
    counts.decrypted = opened.mock.calls.length;
    opened.mockRestore();
  }
  return counts;
}

/**
 * A vault of `cases` cases (created a minute apart); the newest case has two sessions, and
 * `otherSessions` more are spread over older cases. The 10th newest case and, when there are
 * more than CHUNK_SIZE cases, the oldest one are archived.
 */
function build(cases: number, otherSessions: number): { dir: string; newest: string } {
  const dir = tempDir();
  let clock = Date.parse('2025-01-06T09:00:00Z');
  const { vault } = Vault.create(dir, ADMIN, { argon2: FAST_ARGON2, now: () => (clock += 60_000) });
  const ids: string[] = [];
  vault.transact(() => {
    for (let i = 0; i < cases; i++)
      ids.push(
        createCase(vault, {
          reference: `FLAT-${String(i).padStart(4, '0')}`,
          childAlias: `Child ${i}`,
          childAgeYears: 6,
          language: 'en',
        }),
      );
  });
  const newest = ids[cases - 1] as string;
  archiveCase(vault, ids[cases - 10] as string, true);
  if (cases > CHUNK_SIZE) archiveCase(vault, ids[0] as string, true);
  const service = new SessionService(vault);
  vault.transact(() => {
    const targets = [newest, newest, ...ids.slice(1, 1 + otherSessions)];
    for (const caseId of targets) {
      const sessionId = service.start({ caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
      service.addNote(sessionId, 'question', 'Tell me everything that happened.');
    }
  });
  service.suspendAll();
  vault.lock();
  vault.close();
  return { dir, newest };
}

/** The three calls' counts on one vault (after one unlock, so upgrade tasks have run). */
async function measure(dir: string, newest: string): Promise<Record<string, Counts>> {
  const core = makeCore(dir);
  try {
    const unlock = () =>
      call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await unlock();
    await call(core, 'vault.lock', {});
    const out: Record<string, Counts> = {};
    out.unlock = await counted(unlock);
    let caseIds: string[] = [];
    out.casesFirstPage = await counted(async () => {
      const page = await call(core, 'cases.list', { limit: 50 });
      caseIds = page.cases.map((c) => c.caseId);
    });
    expect(caseIds).toHaveLength(50);
    expect(caseIds[0]).toBe(newest);
    out.sessionsOfPage = await counted(() =>
      call(core, 'sessions.list', { caseIds, mode: 'live', limit: 1000 }),
    );
    out.sessionsOfOneCase = await counted(async () => {
      const list = await call(core, 'sessions.list', { caseId: newest });
      expect(list.sessions).toHaveLength(2);
    });
    return out;
  } finally {
    core.close();
  }
}

test('cases.list first page, sessions.list and unlock do the same work at 60 and 572 cases', async () => {
  await initCrypto();
  const small = build(60, 0);
  const large = build(2 * CHUNK_SIZE + 60, 40);
  try {
    const a = await measure(small.dir, small.newest);
    const b = await measure(large.dir, large.newest);
    // Sanity: the counters see the work (a page of 50 decrypts at least its 50 cases).
    expect(a.casesFirstPage?.decrypted).toBeGreaterThanOrEqual(50);
    expect(a.unlock?.statements).toBeGreaterThan(0);
    expect(b).toEqual(a);
  } finally {
    removeDir(small.dir);
    removeDir(large.dir);
  }
});
