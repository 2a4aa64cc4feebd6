// Who may read and write a session: the signed-in user, case data by role, practice data by its
// trainee (and trainers), and only a running interview's own interviewer writing into it.
import { can, HearthError, type SignedInUser, type Vault } from '../vault';
import type { SessionMeta } from './events';

/** The signed-in user; VAULT_LOCKED when there is none. */
export function sessionUser(vault: Vault): SignedInUser {
  const user = vault.user;
  if (!user) throw new HearthError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
  return user;
}

/** Live sessions are case data; practice sessions belong to their trainee (and trainers). */
export function assertCanRead(vault: Vault, meta: Pick<SessionMeta, 'mode' | 'interviewer'>): void {
  const user = sessionUser(vault);
  const allowed =
    meta.mode === 'practice'
      ? meta.interviewer === user.username || user.role === 'trainer' || user.role === 'admin'
      : can(user.role, 'cases.read');
  if (!allowed)
    throw new HearthError(
      'FORBIDDEN',
      `Your role (${user.role}) does not allow opening this session.`,
    );
}

/** Whether assertCanRead would allow this session (for listings, which leave the rest out). */
export function mayRead(vault: Vault, m: Pick<SessionMeta, 'mode' | 'interviewer'>): boolean {
  try {
    assertCanRead(vault, m);
    return true;
  } catch {
    return false;
  }
}

/**
 * Only the session's own interviewer writes into it while it runs, the seal included (no one
 * else, not even an admin: the bundle verifier accepts only the interviewer's seal); after the
 * seal, anyone who may write case data adds a signed addendum. Refusals are audited. Callers run
 * this before anything is written into the session (red team round 9, R9-1).
 */
export function assertCanWrite(
  vault: Vault,
  meta: SessionMeta,
  options: { sealed?: boolean } = {},
): void {
  const user = sessionUser(vault);
  const owner = meta.interviewer === user.username;
  const allowed =
    meta.mode === 'practice'
      ? owner
      : can(user.role, 'cases.write') && (owner || options.sealed === true);
  if (!allowed) {
    vault.recordRefusal('sessions.write', meta.sessionId);
    throw new HearthError(
      'FORBIDDEN',
      owner || meta.mode === 'practice'
        ? `Your role (${user.role}) does not allow changing this session.`
        : `Only ${meta.interviewer}, who runs this interview, can write into it. Sealed interviews take addenda from colleagues.`,
    );
  }
}
