// The "modified client" of the vault tamper tests: the app's owner checks (session-access) are
// app code, so a test mocks them away exactly while "the attacker's client" writes; keys,
// signatures and the vault are real. jest.mock must stay in each test file (it is hoisted there),
// so a file needs one statement (and `import type * as Forge from '../../helpers/forge-access'`):
//   jest.mock('../../../src/interview/session-access', () =>
//     jest.requireActual<typeof Forge>('../../helpers/forge-access').forgeableSessionAccess());
// This module imports nothing of the app at run time: the mock factory loads it while the real
// session-access module is being replaced.
import type * as SessionAccess from '../../src/interview/session-access';

let checksOff = false;

/** session-access with `assertCanWrite` skipped while `forging` runs. */
export function forgeableSessionAccess(): typeof SessionAccess {
  const real = jest.requireActual<typeof SessionAccess>('../../src/interview/session-access');
  return {
    ...real,
    assertCanWrite: (...args: Parameters<typeof real.assertCanWrite>) =>
      checksOff ? undefined : real.assertCanWrite(...args),
  };
}

/** Runs `write` as the attacker's modified client: the app's owner checks are off meanwhile. */
export async function forging<T>(write: () => T | Promise<T>): Promise<T> {
  checksOff = true;
  try {
    return await write();
  } finally {
    checksOff = false;
  }
}
