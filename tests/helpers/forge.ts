// The SessionContext hooks of the vault tamper tests (red team rounds 9 to 11): the attacker's
// modified client reaches the core's own session context (its own passphrase, its own certified
// key, no permission checks) by catching it as the core loads a session. Pair with the one-line
// session-access mock of forge-access.ts, whose `forging` this module re-exports.
import { SessionContext } from '../../src/interview/session-context';

import { forging } from './forge-access';

export { forging };

type Load = (this: SessionContext, id: string) => ReturnType<SessionContext['load']>;
const proto = SessionContext.prototype as unknown as { load: Load };
const realLoad = proto.load;
let captured: SessionContext | undefined;
let transform:
  ((loaded: ReturnType<SessionContext['load']>) => ReturnType<SessionContext['load']>) | undefined;

// Installed once per test file (jest loads this module afresh for each file).
proto.load = function (this: SessionContext, id: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reaches the core's context as the red team did
  captured = this;
  const loaded = realLoad.call(this, id);
  return transform ? transform(loaded) : loaded;
};

/**
 * The session context the core used last (after any channel that loads a session, such as
 * `sessions.get`). Throws when no session was loaded yet, so a test cannot run on nothing.
 */
export function capturedContext(): SessionContext {
  if (!captured) throw new Error('No session was loaded yet: call sessions.get first');
  return captured;
}

/**
 * Runs `write` while every session load is passed through `edit` (the attacker's client believes
 * something the vault does not hold, e.g. that he is the interviewer), owner checks off.
 */
export async function forgingWithLoad<T>(
  edit: (loaded: ReturnType<SessionContext['load']>) => ReturnType<SessionContext['load']>,
  write: () => T | Promise<T>,
): Promise<T> {
  transform = edit;
  try {
    return await forging(write);
  } finally {
    transform = undefined;
  }
}
