// The core host process, started the way tests can start it: Node's child_process.fork running
// electron/core-host.ts (through tsx), speaking the same messages as under Electron's
// utilityProcess. It answers the contract, an acknowledged write survives SIGKILL, and lock
// ends the process (its pid is gone) while the next unlock starts a fresh one.
import { join } from 'node:path';
import type { CoreEvent } from '../../../src/api/contract';
import { createCore } from '../../../src/api/core';
import { CoreHostClient } from '../../../electron/host-client';
import { forkHostSpawner } from '../../../electron/host-spawn-node';
import type { LogEntry } from '../../../electron/log';
import { ADMIN, call, FAST_ARGON2, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(60_000);

const HOST_ENTRY = join(__dirname, '../../../electron/core-host.ts');
const UNLOCK = { username: ADMIN.username, passphrase: ADMIN.passphrase };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until `check` holds. No deadline of its own: a child process on a loaded machine may take
 * many seconds to start or exit, and a wall-clock limit here failed honest runs; jest's per-test
 * timeout (sized for the slowest honest run, jest.config.js) ends a wait that never succeeds.
 */
async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

/** A vault created in-process with the cheapest Argon2id the vault accepts, then released. */
async function prepareVault(): Promise<string> {
  const core = await makeVault();
  core.close();
  return core.vaultDir;
}

function startClient(vaultDir: string): {
  client: CoreHostClient;
  events: CoreEvent[];
  logs: LogEntry[];
} {
  const events: CoreEvent[] = [];
  const logs: LogEntry[] = [];
  const client = new CoreHostClient({
    spawn: forkHostSpawner({ modulePath: HOST_ENTRY, vaultDir, execArgv: ['--import', 'tsx'] }),
    onEvent: (event) => events.push(event),
    log: (entry) => logs.push(entry),
  });
  return { client, events, logs };
}

async function ok(client: CoreHostClient, channel: string, payload: unknown): Promise<unknown> {
  const result = await client.invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

test('a forked host answers the contract, with typed errors that survive the process boundary', async () => {
  const vaultDir = await prepareVault();
  dirs.push(vaultDir);
  const { client } = startClient(vaultDir);
  try {
    expect(await ok(client, 'vault.status', {})).toEqual({ exists: true, unlocked: false });
    const pid = client.pid!;
    expect(pid).not.toBe(process.pid);
    expect(isAlive(pid)).toBe(true);

    expect(await ok(client, 'vault.unlock', UNLOCK)).toEqual({
      username: 'admin',
      role: 'admin',
      displayName: ADMIN.displayName,
    });
    expect(client.unlocked).toBe(true);
    const { caseId } = (await ok(client, 'cases.create', {
      reference: 'HOST-1',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    })) as { caseId: string };
    const listed = (await ok(client, 'cases.list', {})) as { cases: Array<{ caseId: string }> };
    expect(listed.cases.map((c) => c.caseId)).toEqual([caseId]);

    expect(await client.invoke('no.such.channel', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) },
    });
    const invalid = await client.invoke('cases.create', { reference: 'X', childAgeYears: 99 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await client.invoke('vault.unlock', {
      username: 'admin',
      passphrase: 'wrong one!',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_PASSPHRASE' } });
    // Every call went to the same process.
    expect(client.pid).toBe(pid);
  } finally {
    await client.close();
  }
});

test('SIGKILL right after acknowledgements loses no acknowledged case or note', async () => {
  const vaultDir = await prepareVault();
  dirs.push(vaultDir);
  const { client, events } = startClient(vaultDir);
  await ok(client, 'vault.unlock', UNLOCK);

  // A practice session to take notes in: notes are the writes an interviewer cares most about.
  const start = await client.invoke('sessions.start', {
    protocolId: 'nichd',
    mode: 'practice',
    language: 'en',
    ageYears: 9,
  });
  if (!start.ok) throw new Error(`sessions.start: ${start.error.code}`);
  const { sessionId } = start.value as { sessionId: string };

  // Fire many writes at once; remember exactly the ones that were acknowledged.
  const acknowledgedCases: string[] = [];
  const acknowledgedNotes: string[] = [];
  const writes = Array.from({ length: 25 }, async (_, i) => {
    const created = await client.invoke('cases.create', {
      reference: `K-${i}`,
      childAlias: `Child ${i}`,
      childAgeYears: 5 + (i % 10),
      language: 'en',
    });
    if (created.ok) acknowledgedCases.push((created.value as { caseId: string }).caseId);
    const note = await client.invoke('sessions.addNote', {
      sessionId,
      kind: 'child',
      text: `note ${i}`,
    });
    if (note.ok) acknowledgedNotes.push((note.value as { noteId: string }).noteId);
  });
  // Kill the host as soon as some writes are acknowledged, with others still in flight.
  await waitFor(() => acknowledgedCases.length >= 10 && acknowledgedNotes.length >= 5);
  const pid = client.pid!;
  process.kill(pid, 'SIGKILL');
  await Promise.all(writes);
  await waitFor(() => !isAlive(pid));

  expect(acknowledgedCases.length).toBeGreaterThanOrEqual(10);
  expect(acknowledgedNotes.length).toBeGreaterThanOrEqual(5);
  // The renderer is told the vault locked itself (the keys died with the process).
  expect(events).toContainEqual({ type: 'locked', reason: 'system' });
  expect(client.pid).toBeUndefined();

  const core = createCore({ vaultDir, argon2: FAST_ARGON2 });
  try {
    await call(core, 'vault.unlock', UNLOCK);
    const { cases } = await call(core, 'cases.list', {});
    const stored = new Set(cases.map((c) => c.caseId));
    for (const caseId of acknowledgedCases) expect(stored.has(caseId)).toBe(true);
    const timeline = await call(core, 'sessions.timeline', { sessionId });
    const notes = new Set(timeline.events.map((e) => e.noteId).filter(Boolean));
    for (const noteId of acknowledgedNotes) expect(notes.has(noteId)).toBe(true);
    expect((await call(core, 'sessions.verify', { sessionId })).ok).toBe(true);
    expect((await call(core, 'vault.check', {})).ok).toBe(true);
  } finally {
    core.close();
  }
});

test('lock ends the host process; the next unlock starts a fresh one', async () => {
  const vaultDir = await prepareVault();
  dirs.push(vaultDir);
  const { client, events, logs } = startClient(vaultDir);
  try {
    await ok(client, 'vault.unlock', UNLOCK);
    const first = client.pid!;
    expect(isAlive(first)).toBe(true);

    expect(await client.invoke('vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(client.pid).toBeUndefined();
    expect(client.unlocked).toBe(false);
    await waitFor(() => !isAlive(first));
    expect(events).toEqual([{ type: 'locked', reason: 'user' }]);
    expect(logs).toContainEqual({ kind: 'host', event: 'stopped', pid: first });

    // The vault file was released cleanly: a fresh host opens it, locked, and unlocks it.
    expect(await ok(client, 'vault.status', {})).toEqual({ exists: true, unlocked: false });
    const second = client.pid!;
    expect(second).not.toBe(first);
    expect(isAlive(second)).toBe(true);
    expect(await ok(client, 'vault.unlock', UNLOCK)).toMatchObject({ username: 'admin' });

    // An idle lock works the same way.
    await client.lock('idle');
    await waitFor(() => !isAlive(second));
    expect(events).toContainEqual({ type: 'locked', reason: 'idle' });
  } finally {
    await client.close();
  }
});

test('a call racing a lock waits for it and reaches a fresh, locked host', async () => {
  const vaultDir = await prepareVault();
  dirs.push(vaultDir);
  const { client } = startClient(vaultDir);
  try {
    await ok(client, 'vault.unlock', UNLOCK);
    const first = client.pid!;
    const locking = client.lock('user');
    const status = await ok(client, 'vault.status', {});
    await locking;
    expect(status).toEqual({ exists: true, unlocked: false });
    expect(client.pid).not.toBe(first);
    expect(isAlive(first)).toBe(false);
  } finally {
    await client.close();
  }
});

test('host logs carry only names, codes and numbers', async () => {
  const vaultDir = await prepareVault();
  dirs.push(vaultDir);
  const { client, logs } = startClient(vaultDir);
  try {
    await ok(client, 'vault.unlock', UNLOCK);
    await ok(client, 'cases.create', {
      reference: 'SECRET-REF-77',
      childAlias: 'Secret Alias',
      childAgeYears: 7,
      language: 'en',
    });
  } finally {
    await client.close();
  }
  const text = JSON.stringify(logs);
  expect(text).not.toMatch(/SECRET|Secret|correct horse/);
  expect(logs.map((l) => l.kind)).toEqual(['host', 'host']);
});
