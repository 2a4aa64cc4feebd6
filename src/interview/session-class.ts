// A session's chain against the mode its start seals (red team round 12, R12-8). A trainer's
// modified client fabricated a sealed "live" interview in a real child's case: every record
// sealed under the practice key (the only class key she holds), in the case's container. The
// listing showed it as that child's interview and verify was clean. A session of a mode is
// sealed under that mode's class key (session-records.ts `sessionClass`), and a live interview is
// started by a role that writes cases: the reads refuse a session whose data key is not under its
// mode's class key, and `sessions.verify` names it and a live start signed by another role.
import {
  can,
  certifiedWriterOf,
  HearthError,
  ROLES,
  sessionKeyUnderClass,
  type Role,
  type Vault,
} from '../vault';
import type { SessionEvent } from './events';
import { eventRecordId, sessionClass } from './session-records';

type StartEvent = Extract<SessionEvent, { type: 'session-started' }>;

/** The `reason` of the TAMPERED error a read of such a session throws (listings skip it). */
export const SESSION_KEY_CLASS = 'SESSION_KEY_CLASS';

/**
 * Why a session's events are not sealed under the class key of the mode its start seals, or
 * undefined when they are (or this sign-in cannot tell: it does not hold that class key).
 */
export function keyClassProblem(vault: Vault, start: StartEvent): string | undefined {
  const dataClass = sessionClass(start.mode).slice('class:'.length);
  if (sessionKeyUnderClass(vault, start.sessionId, dataClass) !== false) return undefined;
  return `its start (event 1) seals a ${start.mode} interview, but its events are sealed with a key that is not wrapped under the ${dataClass} key, which seals every ${start.mode} session: someone who does not hold that key made it outside Hearth (${SESSION_KEY_CLASS})`;
}

/**
 * Refuses (TAMPERED, reason SESSION_KEY_CLASS) a session whose events are not sealed under its
 * mode's class key: it is not what Hearth wrote, and showing it would present it as that case's
 * interview. Nothing else about the session is read.
 */
export function assertKeyClass(vault: Vault, start: StartEvent | undefined): void {
  const problem = start && keyClassProblem(vault, start);
  if (problem)
    throw new HearthError(
      'TAMPERED',
      `This session cannot be opened: ${problem}. Run a vault check and tell an administrator.`,
      { reason: SESSION_KEY_CLASS },
    );
}

/**
 * Why a live session's start is not a start Hearth writes: its audit entry is signed by a role
 * that does not write cases (a reviewer holds the case key but starts no live interview), or
 * undefined. Unsigned (legacy) starts and failing entries are left to the authorship check.
 * `roleOf`: the certified role of a signer whose entry the caller already checked (event 1's
 * signer is its `by` once authorship holds); without it, event 1's entry is checked here.
 */
export function startRoleProblem(
  vault: Vault,
  start: StartEvent,
  roleOf?: (username: string) => string | undefined,
): string | undefined {
  if (start.mode !== 'live') return undefined;
  const known = roleOf?.(start.by);
  const writer =
    known !== undefined
      ? { signer: start.by, role: known }
      : certifiedWriterOf(vault, eventRecordId(start.sessionId, 1));
  if (!writer || !isRole(writer.role) || can(writer.role, 'cases.write')) return undefined;
  return `its start (event 1) is signed by ${writer.signer}, certified as ${writer.role}: only roles that write cases start a live interview, so it was made outside Hearth (AUDIT_AUTHOR_NOT_ALLOWED)`;
}

function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

/**
 * A signer lookup (the vault's certified one) that remembers each signer's certified role, for
 * callers that check entries anyway (authorshipVerdict): `roleOf(username)` is undefined when
 * that name was not seen or was seen with more than one role.
 */
export function rolesSeen(vault: Vault): {
  lookup: ReturnType<Vault['signerLookup']>;
  roleOf: (username: string) => string | undefined;
} {
  const base = vault.signerLookup();
  const roles = new Map<string, string | null>();
  return {
    lookup: (publicKeyHex) => {
      const result = base(publicKeyHex);
      if ('username' in result && result.role !== undefined) {
        const before = roles.get(result.username);
        roles.set(
          result.username,
          before === undefined || before === result.role ? result.role : null,
        );
      }
      return result;
    },
    roleOf: (username) => roles.get(username) ?? undefined,
  };
}
