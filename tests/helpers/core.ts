// Test helpers: a core on a fresh temporary vault, and calls that check the response against
// the contract's response schema (so the contract and the handlers cannot drift apart).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  channels,
  type Channel,
  type ChannelResponse,
  type CoreError,
} from '../../src/api/contract';
import { createCore, type Core, type CoreOptions } from '../../src/api/core';

const MiB = 1024 * 1024;
/** The floor parameters: the cheapest Argon2id the vault accepts, so tests stay quick. */
export const FAST_ARGON2 = { opsLimit: 3, memLimitBytes: 64 * MiB };

export const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  passphrase: 'correct horse battery staple',
};

export function tempDir(prefix = 'hearth-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function makeCore(
  vaultDir = tempDir(),
  options: Partial<CoreOptions> = {},
): Core & { vaultDir: string } {
  const core = createCore({ vaultDir, argon2: FAST_ARGON2, ...options });
  return Object.assign(core, { vaultDir });
}

export async function call<C extends Channel>(
  core: Core,
  channel: C,
  payload: unknown,
): Promise<ChannelResponse<C>> {
  const result = await core.invoke(channel, payload);
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  // Validate against the contract, but hand back what the caller really received (schemas
  // that pin only some fields of a large value would strip the rest).
  channels[channel].response.parse(result.value);
  return result.value as ChannelResponse<C>;
}

export async function callError(core: Core, channel: string, payload: unknown): Promise<CoreError> {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

/** A core with a vault created by ADMIN (unlocked). */
export async function makeVault(
  options: Partial<CoreOptions> = {},
): Promise<Core & { vaultDir: string; recoveryKey: string }> {
  const core = makeCore(undefined, options);
  const { recoveryKey } = await call(core, 'vault.create', ADMIN);
  return Object.assign(core, { recoveryKey });
}

/** Every file in a folder (recursively), as raw bytes, to scan for plaintext. */
export function rawFiles(dir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const name = join(e.parentPath, e.name);
      return { name, bytes: readFileSync(name) };
    });
}

/** Which of `needles` occur in any file under dir, in UTF-8 or UTF-16LE. */
export function plaintextHits(dir: string, needles: string[]): string[] {
  const files = rawFiles(dir);
  return needles.filter((needle) =>
    files.some(
      (f) =>
        f.bytes.includes(Buffer.from(needle, 'utf8')) ||
        f.bytes.includes(Buffer.from(needle, 'utf16le')),
    ),
  );
}

/**
 * A new English case and a starter for its live sessions under one protocol, as the extended
 * interview tests use them: `start()` resolves to the new session's id.
 */
export async function caseWithSessions(
  core: Core,
  c: { reference: string; childAlias: string; childAgeYears: number; protocolId: string },
): Promise<{ caseId: string; start: () => Promise<string> }> {
  const { caseId } = await call(core, 'cases.create', {
    reference: c.reference,
    childAlias: c.childAlias,
    childAgeYears: c.childAgeYears,
    language: 'en',
  });
  const start = async () =>
    (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: c.protocolId,
        mode: 'live',
        language: 'en',
      })
    ).sessionId;
  return { caseId, start };
}
