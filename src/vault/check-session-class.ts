// `vault check`'s finding for a session whose chain is sealed under another data class than the
// mode its start seals (red team round 12, R12-8: a trainer's modified client made a sealed
// "live" interview in a real child's case under the practice key, the only class key she holds).
// The author-role rule names her entries (the class comes from the sealed start); this names the
// session itself, so that no one takes it for that case's evidence.
import type { VaultProblem } from './check';
import { sessionKeyClassProblems, type SessionStarts } from './session-key-class';
import type { Vault } from './vault';

/** One SESSION_KEY_CLASS finding per session whose data key is not under its mode's class key. */
export function sessionKeyClassFindings(vault: Vault, starts?: SessionStarts): VaultProblem[] {
  return sessionKeyClassProblems(vault, starts).map(({ sessionId, mode, dataClass }) => ({
    kind: 'record',
    id: sessionId,
    code: 'SESSION_KEY_CLASS',
    values: { session: sessionId, mode, class: dataClass },
    detail: `SESSION_KEY_CLASS: session ${sessionId} starts a ${mode} interview (event 1), but its events are sealed with a key that is not wrapped under the ${dataClass} key, which seals every ${mode} session: Hearth never writes that, so the session was made outside Hearth by someone who does not hold the ${dataClass} key. Do not take it as evidence; the audit entries that wrote it are named with their signer. Report it to an administrator.`,
  }));
}
