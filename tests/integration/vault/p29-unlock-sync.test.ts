// perf29 (issue #22): an admin's unlock commits several transactions after the KDF (the sign-in
// entry, the in-file checkpoint, and any floors, repairs or audit-start settlement); each used to
// sync (synchronous=FULL), so the unlock waited for two or more fsyncs. Now the commits before
// the checkpoint are made at synchronous=NORMAL and the checkpoint's commit, at FULL, syncs the
// WAL once for all; the anchor outside the file is written after that sync, never before; and a
// failure after the first commit forces the sync in the sign-in's `finally`.
//
// Counted with a spy on better-sqlite3 (never timed): every outermost commit is recorded with the
// synchronous level it ran at and whether it wrote (total_changes), every wal_checkpoint pragma,
// and the anchor file's seq around each. SQLite syncs the WAL at a commit that writes at FULL, and
// at a checkpoint; a commit at NORMAL (WAL mode) syncs nothing.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { defaultAnchorFile } from '../../../src/vault/anchor';
import { HearthError } from '../../../src/vault/errors';
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, callError, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

type Event =
  | {
      kind: 'commit';
      sync: number;
      wrote: boolean;
      head: number;
      anchorBefore: number;
    }
  | { kind: 'checkpoint'; sync: number; head: number; anchorBefore: number };

const SYNC_FULL = 2;

function anchorSeq(vaultDir: string): number {
  try {
    return (JSON.parse(readFileSync(defaultAnchorFile(vaultDir), 'utf8').trim()) as { seq: number })
      .seq;
  } catch {
    return -1;
  }
}

/** Runs `fn` with every commit and checkpoint of the vault's connection recorded. */
async function recorded(vaultDir: string, fn: () => Promise<unknown>): Promise<Event[]> {
  const proto = Database.prototype as unknown as {
    transaction: (fn: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown;
    pragma: (source: string, options?: unknown) => unknown;
  };
  const { transaction, pragma } = proto;
  const events: Event[] = [];
  const level = (db: Database.Database): number =>
    pragma.call(db, 'synchronous', { simple: true }) as number;
  const changes = (db: Database.Database): number =>
    (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const head = (db: Database.Database): number =>
    (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  proto.transaction = function (this: Database.Database, body) {
    const run = transaction.call(this, body);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the connection the returned function commits on
    const db = this;
    return (...args: unknown[]) => {
      const outermost = !db.inTransaction;
      const before = outermost ? changes(db) : 0;
      const anchorBefore = anchorSeq(vaultDir);
      const result = run(...args);
      if (outermost)
        events.push({
          kind: 'commit',
          sync: level(db), // what the commit ran at (nothing changes it inside a transaction)
          wrote: changes(db) !== before,
          head: head(db),
          anchorBefore,
        });
      return result;
    };
  };
  proto.pragma = function (this: Database.Database, source: string, options?: unknown) {
    if (/wal_checkpoint/i.test(source))
      events.push({
        kind: 'checkpoint',
        sync: level(this),
        head: head(this),
        anchorBefore: anchorSeq(vaultDir),
      });
    return pragma.call(this, source, options);
  };
  try {
    await fn();
  } finally {
    proto.transaction = transaction;
    proto.pragma = pragma;
  }
  return events;
}

/** The commits that reached the disk (wrote at FULL) and the checkpoints: SQLite's syncs. */
const syncs = (events: Event[]) =>
  events.filter((e) => e.kind === 'checkpoint' || (e.wrote && e.sync >= SYNC_FULL));

/**
 * The anchor never names a head beyond what the last sync made durable: checked before every
 * commit and checkpoint (Vault.transact moves the anchor after its commit returns, so a move is
 * seen at the next event, or at the end by the caller).
 */
function anchorNeverAhead(events: Event[], startHead: number): void {
  let durable = startHead;
  for (const e of events) {
    expect(e.anchorBefore).toBeLessThanOrEqual(durable);
    if (e.kind === 'checkpoint' || (e.wrote && e.sync >= SYNC_FULL)) durable = e.head;
  }
}

async function unlockAs(
  core: Core,
  username: string,
  passphrase: string,
): Promise<{ events: Event[]; startHead: number }> {
  await call(core, 'vault.lock', {});
  const startHead = anchorSeq(core.vaultDir);
  const events = await recorded(core.vaultDir, () =>
    call(core, 'vault.unlock', { username, passphrase }),
  );
  return { events, startHead };
}

test("an admin's unlock syncs once: its earlier commits at NORMAL, the checkpoint's at FULL, then the anchor", async () => {
  const core = await vaultWithStaff([['nia', 'interviewer']]);
  try {
    for (let round = 0; round < 2; round++) {
      await call(core, 'vault.lock', {});
      const startHead = anchorSeq(core.vaultDir);
      const events = await recorded(core.vaultDir, () =>
        call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
      );
      const wrote = events.filter(
        (e): e is Extract<Event, { kind: 'commit' }> => e.kind === 'commit' && e.wrote,
      );
      // The backoff settlement (before the KDF) writes nothing on a clean vault; after the KDF
      // the sign-in entry and the checkpoint (at least) each commit.
      expect(wrote.length).toBeGreaterThanOrEqual(2);
      expect(syncs(events)).toHaveLength(1);
      // The one sync is the last commit that wrote: nothing written after it waits unsynced.
      expect(syncs(events)[0]).toBe(wrote[wrote.length - 1]);
      expect(wrote.slice(0, -1).every((e) => e.sync < SYNC_FULL)).toBe(true);
      anchorNeverAhead(events, startHead);
      // After the sync the anchor names the head.
      const last = wrote[wrote.length - 1] as Extract<Event, { kind: 'commit' }>;
      expect(last.anchorBefore).toBe(startHead);
      expect(anchorSeq(core.vaultDir)).toBe(last.head);
    }
    // The connection is back at FULL: a note, a user change, everything after unlock syncs.
    const events = await recorded(core.vaultDir, () =>
      call(core, 'users.add', {
        username: 'omar',
        displayName: 'OMAR',
        role: 'interviewer',
        passphrase: PASS,
      }),
    );
    const wrote = events.filter((e) => e.kind === 'commit' && e.wrote);
    expect(wrote.length).toBeGreaterThan(0);
    expect(wrote.every((e) => e.sync >= SYNC_FULL)).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a non-admin's unlock (one commit) syncs once, at FULL", async () => {
  const core = await vaultWithStaff([['nia', 'interviewer']]);
  try {
    const { events, startHead } = await unlockAs(core, 'nia', PASS);
    const wrote = events.filter((e) => e.kind === 'commit' && e.wrote);
    expect(wrote).toHaveLength(1);
    expect(syncs(events)).toEqual(wrote);
    anchorNeverAhead(events, startHead);
    expect(anchorSeq(core.vaultDir)).toBe((wrote[0] as Event).head);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an admin unlock that fails after its first commit still syncs (in its finally) before the anchor moves', async () => {
  const core = await vaultWithStaff([]);
  const spy = jest
    .spyOn(
      Vault.prototype as unknown as { writeInFileCheckpoint: () => void },
      'writeInFileCheckpoint',
    )
    .mockImplementation(() => {
      throw new HearthError('INTERNAL', 'checkpoint refused by the test');
    });
  try {
    await call(core, 'vault.lock', {});
    const startHead = anchorSeq(core.vaultDir);
    let error: unknown;
    const events = await recorded(core.vaultDir, async () => {
      error = await callError(core, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
    });
    expect(spy).toHaveBeenCalled();
    expect((error as { code: string }).code).toBe('INTERNAL');
    const wrote = events.filter((e) => e.kind === 'commit' && e.wrote);
    // The sign-in entry was committed unsynced, then the finally's checkpoint synced it.
    expect(wrote.length).toBeGreaterThanOrEqual(1);
    expect(wrote.every((e) => e.sync < SYNC_FULL)).toBe(true);
    const forced = events.filter((e) => e.kind === 'checkpoint');
    expect(forced).toHaveLength(1);
    expect(events.indexOf(forced[0] as Event)).toBeGreaterThan(
      events.indexOf(wrote[wrote.length - 1] as Event),
    );
    anchorNeverAhead(events, startHead);
    // The sign-in's entries are durable, and the anchor (signed) followed them after the sync.
    expect(anchorSeq(core.vaultDir)).toBe((forced[0] as Event).head);
    expect((forced[0] as Event).head).toBeGreaterThan(startHead);
  } finally {
    spy.mockRestore();
    core.close();
    removeDir(core.vaultDir);
  }
});
