// vault check: a removal whose rotation does not cover the removed user's role (red team 24,
// R24-11/R24-12). Before sec53 a removal rotated only what the removed user's key rows showed,
// so one deleted row (or a holder index rebuilt to leave it out) left class:case unrotated and
// the check found nothing afterwards: the removal's own signed entry stated class:case@1 as
// current. Every `users.remove` entry states, signed by the admin, (a) the key versions it made
// (`detail.rotated`) and (b) every class key's version from then on (its floor references,
// key-floors.ts). A class of the removed user's role that the entry states but did not rotate
// was left with a version the removed user may hold: named REMOVAL_INCOMPLETE.
// The role is the removed profile's and every role a certificate gave the user (the union).
import type { AuditRecordRef } from './audit';
import { tryParseKeyId } from './key-store';
import { isFloorRef, KEY_FLOOR_HASH, KEY_FLOOR_PREFIX } from './key-floors';
import { certifiedRolesByUsername } from './certificates';
import type { RecordStore } from './records';
import { removalRoles } from './removal-reach';
import { classesOf, classKey, ROLES, type Role } from './roles';

/** One finding, shaped as vault check's problems. */
export interface RemovalCoverageProblem {
  kind: 'audit';
  id: string;
  code: 'REMOVAL_INCOMPLETE';
  values: Record<string, string | number>;
  detail: string;
}

interface Removal {
  seq: number;
  username: string;
  /** class key -> version the entry states as current from then on. */
  stated: Map<string, number>;
  /** Key ids the entry says it made. */
  rotated: Set<string>;
}

/** Collects `users.remove` entries during the check's one audit walk; judged by `problems`. */
export class RemovalCoverageCheck {
  private readonly removals: Removal[] = [];

  /** One audit entry (only an admin-signed `users.remove` counts; others are named elsewhere). */
  visit(
    seq: number,
    refs: AuditRecordRef[] | undefined,
    body: { action?: string; target?: string; detail?: Record<string, unknown> } | undefined,
    signerRole: string | undefined,
  ): void {
    if (body?.action !== 'users.remove' || signerRole !== 'admin') return;
    if (typeof body.target !== 'string' || !body.target.startsWith('user:')) return;
    const stated = new Map<string, number>();
    for (const ref of refs ?? [])
      if (isFloorRef(ref.id) && ref.hash === KEY_FLOOR_HASH && Number.isSafeInteger(ref.seq))
        stated.set(ref.id.slice(KEY_FLOOR_PREFIX.length), ref.seq);
    const rotatedText = body.detail?.rotated;
    const rotated = new Set(
      typeof rotatedText === 'string' ? rotatedText.split(',').filter((s) => tryParseKeyId(s)) : [],
    );
    this.removals.push({ seq, username: body.target.slice('user:'.length), stated, rotated });
  }

  /**
   * The removals that left a class of the user's role unrotated. `rolesOf` gives the removed
   * user's roles (profile and certificates); a user with no known role is judged on nothing
   * (their profile's absence is named by the record checks).
   */
  problems(rolesOf: (username: string) => readonly Role[]): RemovalCoverageProblem[] {
    const out: RemovalCoverageProblem[] = [];
    for (const removal of this.removals) {
      const roles = rolesOf(removal.username);
      const classes = new Set(roles.flatMap((role) => classesOf(role)).map(classKey));
      for (const logical of [...classes].sort()) {
        const version = removal.stated.get(logical);
        // A class the entry does not state did not exist then (a late class not yet made).
        if (version === undefined || removal.rotated.has(`${logical}@${version}`)) continue;
        out.push({
          kind: 'audit',
          id: String(removal.seq),
          code: 'REMOVAL_INCOMPLETE',
          values: { entry: removal.seq, user: removal.username, key: logical, version },
          detail: `audit entry ${removal.seq} removed ${removal.username} (${roles.join(', ')}) but did not rotate ${logical}: it states ${logical}@${version} as current, a version ${removal.username} held, so everything written under it since can be read with a copy of the file ${removal.username} kept (a key row was deleted or an index was rebuilt outside Hearth before the removal). Restore the newest backup from before the removal and remove ${removal.username} again, or ask the vendor`,
        });
      }
    }
    return out;
  }
}

/**
 * A roles-of function for `problems`: the (removed) profile's role and every certified role
 * (certificates read once, on the first call). Unknown user: no roles.
 */
export function removedUserRoles(records: RecordStore): (username: string) => Role[] {
  let certified: Map<string, Set<string>> | undefined;
  return (username) => {
    certified ??= certifiedRolesByUsername(records);
    const profileRole = records.get<{ username?: unknown; role?: unknown }>(`user:${username}`)
      ?.value.role;
    const base = (ROLES as readonly unknown[]).includes(profileRole)
      ? (profileRole as Role)
      : undefined;
    const fromCerts = certified.get(username);
    if (base !== undefined) return removalRoles(base, fromCerts);
    return [...(fromCerts ?? [])].filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    );
  };
}
