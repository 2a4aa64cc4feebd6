// Fixtures for the staff-list tests (a pinned list, a stale list, a removed user): a second
// staff member, a sealed session, a copy of a vault folder as a departing user would keep it,
// and an export through the CLI as a given user.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src/api/core';
import { exportCommand } from '../../src/cli/commands/export';
import { captureIo } from './cli-io';
import { call } from './core';
import { startLiveSession } from './sessions';

/** The interviewer these tests add, remove and pin lists around. */
export const IVAN = {
  username: 'ivan',
  displayName: 'Iván Muñoz',
  role: 'interviewer',
  passphrase: 'ivan passphrase 12345',
} as const;

/**
 * Seals a live NICHD session with one child utterance on a new case, as whoever is unlocked in
 * `core`. Returns the session id.
 */
export async function sealedSession(core: Core, reference: string): Promise<string> {
  const { sessionId } = await startLiveSession(core, reference);
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'We went to the park.' });
  await call(core, 'sessions.finalize', { sessionId });
  return sessionId;
}

/**
 * Copies every file of the folder `from` (a vault, or a bundle) into a new folder `to`, created
 * here; sub-folders are not expected and not copied.
 */
export function copyFolder(from: string, to: string): void {
  mkdirSync(to);
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f));
}

/**
 * Runs `hearth export` on `vault` as `user` (passphrase written to a file under `workDir`) for
 * `sessionId`, expects exit 0, and returns the path of the bundle folder it wrote.
 */
export async function exportWithCli(
  workDir: string,
  vault: string,
  user: { username: string; passphrase: string },
  sessionId: string,
): Promise<string> {
  const unique = Math.random().toString(36).slice(2);
  const passFile = join(workDir, `${user.username}-${unique}.pass`);
  writeFileSync(passFile, `${user.passphrase}\n`);
  const out = join(workDir, `out-${unique}`);
  mkdirSync(out);
  const args = ['--vault', vault, '--user', user.username, '--passphrase-file', passFile];
  expect(await exportCommand([...args, '--session', sessionId, '--out', out], captureIo())).toBe(0);
  return join(out, readdirSync(out)[0] as string);
}
