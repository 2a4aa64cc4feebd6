// Who may do what, and which keys each role holds. The same table drives the app's permission
// checks and the key wrapping: a user's key slot unwraps only the data-class keys of their role,
// so offline, with the file and that passphrase, they can decrypt exactly what the app shows them.
import { HearthError } from './errors';

/**
 * advocate: the MDT family advocate (NCA Standards, victim advocacy). Reads the referral
 * hand-off list of each case: the case reference (to find the family), each service with its
 * status, dates and the hand-off note written for the advocate (issue #19 audit B19-6); never
 * the allegation, the planning record or anything said in an interview (red team 11, R11-7).
 */
export const ROLES = ['admin', 'interviewer', 'trainer', 'reviewer', 'advocate'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Data classes, each with its own key (`class:<name>`):
 * - case: case records, live interviews and imported transcripts (each session's own data key
 *   is wrapped under it), the address book;
 * - practice: practice interviews, trainer scenarios and feedback;
 * - training: what only trainers (and admins) read of practice work: each trainer review of a
 *   practice interview has its own key (`review:<session>`), wrapped under this class key and
 *   for the public user key of the trainee whose interview it is, and no one else (sec44;
 *   before, reviews were under the practice session's key, which every interviewer holds).
 *   Added after vaults were in use, like `referral`.
 * - audit: the X25519 key that opens the audit log's entries (every user appends, only its
 *   holders read);
 * - staff: staff administration: the allegation keys of allegation-blind cases, the centre key;
 * - directory: staff names, roles and public signing keys (every user needs them);
 * - chain: the audit chain's MAC key and the record references it commits to (every user
 *   appends to the chain and may check it);
 * - referral: each case's referral hand-off list (case reference, service, status, who and
 *   when, the hand-off note written for the advocate; no allegation, planning or interview
 *   content), readable by the family advocate. Added after vaults were in use: a vault
 *   made before it gets the key at the first admin sign-in (LATE_CLASSES, vault.ts).
 * Each case's allegation has its own key too (`allegation:<case>`), wrapped under `case` unless
 * the case is allegation-blind, then under `staff` and for each user it was revealed to.
 */
export const DATA_CLASSES = [
  'case',
  'practice',
  'audit',
  'staff',
  'directory',
  'chain',
  'referral',
  'training',
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

const CLASS_HOLDERS = {
  case: ['admin', 'interviewer', 'reviewer'],
  practice: ['admin', 'interviewer', 'trainer'],
  audit: ['admin'],
  staff: ['admin'],
  directory: ['admin', 'interviewer', 'trainer', 'reviewer', 'advocate'],
  chain: ['admin', 'interviewer', 'trainer', 'reviewer', 'advocate'],
  referral: ['admin', 'interviewer', 'reviewer', 'advocate'],
  training: ['admin', 'trainer'],
} as const satisfies Record<DataClass, readonly Role[]>;

/**
 * Classes added after vaults were in use. An older vault has no key for them until an admin
 * signs in (the admin wraps a new key to every holder's public user key, vault.ts
 * `addLateClasses`); until then a missing key of these classes is not a role mismatch.
 */
export const LATE_CLASSES: readonly DataClass[] = ['referral', 'training'];

/** The roles whose key slots unwrap a data class's key. */
export function holdersOf(dataClass: DataClass): Role[] {
  return [...CLASS_HOLDERS[dataClass]];
}

/** The data classes whose keys a role's key slot unwraps. */
export function classesOf(role: Role): DataClass[] {
  return DATA_CLASSES.filter((c) => (CLASS_HOLDERS[c] as readonly Role[]).includes(role));
}

/** The logical key name of a data class ('class:case', ...). */
export function classKey(dataClass: DataClass): string {
  return `class:${dataClass}`;
}

const PERMISSIONS = {
  'users.manage': ['admin'],
  'users.list': ['admin', 'interviewer', 'trainer', 'reviewer'],
  'cases.read': ['admin', 'interviewer', 'reviewer'],
  'referrals.read': ['admin', 'interviewer', 'reviewer', 'advocate'],
  /** The advocate's follow-up of a hand-off (contacted, done, declined); B19-6. */
  'referrals.followUp': ['admin', 'interviewer', 'advocate'],
  'cases.write': ['admin', 'interviewer'],
  'cases.seeAllegationWhenBlind': ['admin'],
  'audit.read': ['admin'],
  'vault.check': ['admin'],
  'vault.backup': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new HearthError('FORBIDDEN', `Your role (${role}) does not allow this action.`);
  }
}
