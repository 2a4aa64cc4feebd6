// Records "not shown to your role" (sec52, issue #15 timeline placeholders). A listing that must
// account for every row of a group (a session's events: a gap is a deletion) meets a row whose
// key exists but is wrapped for other holders only. That is legitimate exactly when the row is
// the one its author wrote: its ciphertext is committed to by the audit entry the audit index
// names, that entry chains and carries a certified signature, and the row does not open under
// the group's own key (a genuine row sealed under the session key whose key reference was edited
// to a key this reader lacks would open there: the reference is bound into the associated
// data). Anything else stays TAMPERED. Nothing is decrypted beyond one AEAD attempt per own-key
// version; the readers come from the clear wrap table (holders only, never content).
import { DATA_CLASSES, holdersOf as classHolders, type DataClass, type Role } from './roles';
import { tryParseKeyId } from './key-store';
import type { Vault } from './vault';

/** Who can open a withheld record: roles (through their class key) and named users. */
export interface WithheldReaders {
  roles: Role[];
  users: string[];
}

/** A record this sign-in may not open, vouched for by the audit log. */
export interface WithheldRecord {
  recordId: string;
  /** The audit entry that wrote it (its certified signer below). */
  auditEntry: number;
  signer: string;
  readers: WithheldReaders;
}

const isDataClass = (name: string): name is DataClass =>
  (DATA_CLASSES as readonly string[]).includes(name);

/**
 * Who holds the key version `keyRef` directly, as roles and user names (from the clear
 * `key_wraps` holders; recovery and nested data keys are not readers a person can ask). Roles
 * keep the order of DATA_CLASSES' holders, users are sorted.
 */
export function readersOf(vault: Vault, keyRef: string): WithheldReaders {
  const roles = new Set<Role>();
  const users = new Set<string>();
  for (const holder of vault.keys.holdersOf(keyRef)) {
    const parsed = tryParseKeyId(holder);
    if (!parsed) continue;
    const [prefix, name] = [
      parsed.logical.slice(0, parsed.logical.indexOf(':')),
      parsed.logical.slice(parsed.logical.indexOf(':') + 1),
    ];
    if (prefix === 'class' && isDataClass(name)) for (const r of classHolders(name)) roles.add(r);
    else if (prefix === 'user') users.add(name);
  }
  return { roles: [...roles], users: [...users].sort() };
}

/**
 * Decides one row a listing of a group could not open because its key is wrapped for others
 * (RecordStore `forbidden`): `{ withheld }` when it is genuine and merely not for this role,
 * `{ problem }` (English, no content) when it must stay TAMPERED. `ownKey`: the logical key the
 * group's records are sealed under (`session:<id>`). Cost: one primary-key read for the key
 * reference, one AEAD attempt per version of `ownKey` this sign-in holds, and the audit index
 * lookup of `recordsAuthorshipProblem` (a few primary-key reads, one MAC, one signature check).
 * Runs only for such rows, never on a listing where every row opens.
 */
export function classifyForbidden(
  vault: Vault,
  recordId: string,
  ownKey: string,
): { withheld: WithheldRecord } | { problem: string } {
  const keyRef = vault.records.keyRefOf(recordId);
  if (keyRef === undefined) return { problem: 'is missing (deleted outside Hearth)' };
  for (const version of vault.keys.versionsOf(ownKey))
    if (vault.records.opensUnder(recordId, version))
      return {
        problem: `names the key ${keyRef}, but it was sealed under ${version}: its key reference was edited outside Hearth`,
      };
  const prefix = recordId.slice(0, recordId.lastIndexOf(':'));
  const hash = vault.records.hashesByIdPrefix(prefix, (id) => id === recordId).get(recordId);
  if (!hash) return { problem: 'is missing (deleted outside Hearth)' };
  const found = vault.audit.entryForRecord(recordId, hash.hash, vault.signerLookup());
  if (!found.ok)
    return { problem: `is sealed under a key this sign-in does not hold and ${found.problem}` };
  if (found.signer === undefined)
    return {
      problem: `is sealed under a key this sign-in does not hold, and its audit entry ${found.auditSeq} has no certified signer`,
    };
  return {
    withheld: {
      recordId,
      auditEntry: found.auditSeq,
      signer: found.signer,
      readers: readersOf(vault, keyRef),
    },
  };
}
