// The scale benchmark's bulk builder (bench/scale-build.ts) must write the vault the app writes
// (issue #22: "a bulk path is fine if it writes records identical to the normal path"). A few
// sessions are built twice, in bulk (many sessions per commit, synchronous=OFF while building,
// the seal without finalize's pre-seal read-back: bench/scale-seal.ts) and call by call as the
// app commits; both vaults must pass `vault check` and `sessions.verify`,
// and hold the same tables, record kinds and counts, audit actions in the same order, and the
// same listings and timelines once decrypted (ids and signatures aside: random ids, and the
// seal signs the session id).
import Database from 'better-sqlite3';
import { eventRecordId } from '../../src/interview';
import { vaultFile } from '../../src/vault';
import { BENCH_USER, buildScaleVault, type Built } from '../../bench/scale-build';
import { call, FAST_ARGON2, makeCore, removeDir, tempDir } from '../helpers/core';

const SESSIONS = 3;

interface Shape {
  tables: string[];
  recordKinds: Array<{ kind: string; n: number }>;
  auditEntries: number;
  auditActions: string[];
  listings: unknown[];
  timelines: unknown[];
  verdicts: unknown[];
  check: { ok: boolean; problems: unknown[] };
}

function rawShape(dir: string): Pick<Shape, 'tables' | 'recordKinds' | 'auditEntries'> {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    const recordKinds = db
      .prepare('SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind')
      .all() as Array<{ kind: string; n: number }>;
    const auditEntries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n;
    return { tables, recordKinds, auditEntries };
  } finally {
    db.close();
  }
}

/** Replaces every id the build made (random) by its place, so two builds compare. */
function withoutIds(value: unknown, built: Built): unknown {
  let text = JSON.stringify(value);
  built.sessionIds.forEach((id, i) => (text = text.split(id).join(`<session ${i}>`)));
  built.caseIds.forEach((id, i) => (text = text.split(id).join(`<case ${i}>`)));
  return JSON.parse(text) as unknown;
}

async function shapeOf(
  dir: string,
  built: Built,
  raw: Pick<Shape, 'tables' | 'recordKinds' | 'auditEntries'>,
): Promise<Shape> {
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', {
      username: BENCH_USER.username,
      passphrase: BENCH_USER.passphrase,
    });
    const listings: unknown[] = [];
    for (const caseId of built.caseIds)
      listings.push(withoutIds(await call(core, 'sessions.list', { caseId }), built));
    const verdicts: unknown[] = [];
    const timelines: unknown[] = [];
    for (const sessionId of built.sessionIds) {
      verdicts.push(withoutIds(await call(core, 'sessions.verify', { sessionId }), built));
      timelines.push(withoutIds(await call(core, 'sessions.timeline', { sessionId }), built));
    }
    // The build's own entries, before this test's reads (unlock, listings, verify) add theirs.
    const { entries } = await call(core, 'audit.list', { limit: 1000 });
    const auditActions = entries
      .filter((e) => e.seq <= raw.auditEntries)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.action);
    const check = await call(core, 'vault.check', {});
    return { ...raw, auditActions, listings, timelines, verdicts, check };
  } finally {
    core.close();
  }
}

describe('the scale benchmark bulk builder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));
  /** The bulk-built vault of the first test, which the tamper tests then alter. */
  let bulkBuilt: { dir: string; built: Built } | undefined;

  it('writes the same records, audit entries, summaries and verdicts as the app, call by call', async () => {
    const built = { bulk: undefined as Built | undefined, normal: undefined as Built | undefined };
    const shapes: Partial<Record<'bulk' | 'normal', Shape>> = {};
    for (const mode of ['bulk', 'normal'] as const) {
      const dir = tempDir();
      dirs.push(dir);
      const b = await buildScaleVault(dir, SESSIONS, {
        bulk: mode === 'bulk',
        argon2: FAST_ARGON2,
        log: false,
      });
      built[mode] = b;
      // Read before the checks below write their own entries.
      const raw = rawShape(dir);
      shapes[mode] = await shapeOf(dir, b, raw);
    }
    const bulk = shapes.bulk as Shape;
    const normal = shapes.normal as Shape;

    // Each vault is sound on its own: the whole-vault check and every session's verify.
    expect(bulk.check).toEqual({ ...bulk.check, ok: true, problems: [] });
    expect(normal.check.ok).toBe(true);
    for (const verdict of bulk.verdicts) expect(verdict).toMatchObject({ ok: true });
    expect(bulk.verdicts).toHaveLength(SESSIONS);

    // And the two are the same vault but for random ids, nonces and signatures.
    expect(bulk.tables).toEqual(normal.tables);
    expect(bulk.recordKinds).toEqual(normal.recordKinds);
    expect(bulk.recordKinds).toContainEqual({ kind: 'event', n: SESSIONS * 151 });
    expect(bulk.auditEntries).toBe(normal.auditEntries);
    expect(bulk.auditActions).toEqual(normal.auditActions);
    expect(bulk.auditActions.filter((a) => a === 'sessions.addNote')).toHaveLength(SESSIONS * 148);
    expect(bulk.listings).toEqual(normal.listings);
    // Every event decrypted: same content, times and order (aside from random note ids, and the
    // chain head and seal signature that cover the ids).
    const comparable = (timelines: unknown[]) =>
      JSON.parse(
        JSON.stringify(timelines)
          .replace(/"(signature|head)":"[0-9a-f]+"/g, '"$1":"…"')
          .replace(/"note_[0-9a-f]+"/g, '"note_…"'),
      ) as unknown;
    expect(comparable(bulk.timelines)).toEqual(comparable(normal.timelines));
    expect(JSON.stringify(bulk.timelines)).toContain('Synthetic note 147 of session 2');
    expect(bulk.verdicts).toEqual(normal.verdicts);
    expect((built.bulk as Built).events).toBe((built.normal as Built).events);
    bulkBuilt = { dir: dirs[0] as string, built: built.bulk as Built };
  });

  // Built in bulk is not built unchecked: the records carry the same tamper evidence.

  async function verdictsAfter(dir: string, built: Built) {
    const core = makeCore(dir);
    try {
      await call(core, 'vault.unlock', {
        username: BENCH_USER.username,
        passphrase: BENCH_USER.passphrase,
      });
      const verify: Array<{ ok: boolean; firstBadEvent?: number }> = [];
      for (const sessionId of built.sessionIds)
        verify.push(await call(core, 'sessions.verify', { sessionId }));
      return { verify, check: await call(core, 'vault.check', {}) };
    } finally {
      core.close();
    }
  }

  function edit(dir: string, fn: (db: Database.Database) => void): void {
    const db = new Database(vaultFile(dir));
    try {
      fn(db);
    } finally {
      db.close();
    }
  }

  it('detects one altered note in a bulk-built session, and only there', async () => {
    const { dir, built } = bulkBuilt as { dir: string; built: Built };
    const sessionId = built.sessionIds[1] as string;
    edit(dir, (db) => {
      const id = eventRecordId(sessionId, 77);
      const row = db.prepare('SELECT ciphertext FROM records WHERE record_id = ?').get(id) as {
        ciphertext: Buffer;
      };
      row.ciphertext[10] = (row.ciphertext[10] as number) ^ 0x20;
      db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(row.ciphertext, id);
    });
    const { verify, check } = await verdictsAfter(dir, built);
    expect(verify[1]).toMatchObject({ ok: false, firstBadEvent: 77 });
    expect(verify[0]).toMatchObject({ ok: true });
    expect(verify[2]).toMatchObject({ ok: true });
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(check.problems)).toContain(sessionId);
  });

  it('detects the last event of a bulk-built session deleted (its seal)', async () => {
    const { dir, built } = bulkBuilt as { dir: string; built: Built };
    const sessionId = built.sessionIds[2] as string;
    edit(dir, (db) =>
      db.prepare('DELETE FROM records WHERE record_id = ?').run(eventRecordId(sessionId, 151)),
    );
    const { verify, check } = await verdictsAfter(dir, built);
    expect(verify[2]).toMatchObject({ ok: false });
    expect(verify[0]).toMatchObject({ ok: true });
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check.problems)).toContain(sessionId);
  });
});
