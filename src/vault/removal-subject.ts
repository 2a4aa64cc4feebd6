// Who is being removed, from what is certified when the profile is gone (red team 25, R25-7). A
// departing user deletes his own profile row (no key needed: one clear row) and the admin's
// removal was refused (PROFILE_UNREADABLE), leaving his key slot and keys valid. The profile gave
// the removal three things, and each has a certified source: the role (every role the centre
// certified for the user name: what he could reach by policy), the staff keys whose certificates
// to withdraw (every current certificate naming him), and the removed profile kept for his past
// seals (rebuilt from his newest certificate: user name, display name, role, staff key, issued at
// and by). His key versions, wraps and slot are found by name in the key tables, as before. Only
// when no current certificate names him is the removal still refused (nothing certified says who
// he is).
import type { AuditLog, AuditRecordRef } from './audit';
import { certifiedSignerLookup, listCertificateRecords } from './certificates';
import type { RecordAddress, RecordStore } from './records';
import { removalRoles } from './removal-reach';
import { ROLES, type Role } from './roles';
import {
  profileUnreadableError,
  readUserProfile,
  writeRebuiltRemovedProfile,
  writeRemovedProfile,
  type UserProfile,
} from './users';
import { HearthError } from './errors';

type Put = (address: RecordAddress, value: unknown) => AuditRecordRef;

/** What a removal needs to know about the user, and how to write the removed profile. */
export interface RemovalSubject {
  /** Every role the user held: the profile's (when it reads) and every certified one. */
  roles: Role[];
  /** The staff keys (hex) whose certificates the removal withdraws. */
  staffKeys: string[];
  /** True when the profile did not read and was rebuilt from the certificate. */
  rebuilt: boolean;
  /** Writes the profile marked removed; returns its audit reference. */
  writeRemoved(put: Put, removal: { removedAt: string; removedBy: string }): AuditRecordRef;
}

/**
 * The user about to be removed. Errors: TAMPERED reason PROFILE_UNREADABLE when the profile does
 * not read and no current certificate names the user (nothing changed).
 */
export function removalSubject(
  records: RecordStore,
  audit: AuditLog,
  username: string,
  certifiedRoles: ReadonlySet<string> | undefined,
): RemovalSubject {
  let profile: UserProfile | undefined;
  try {
    profile = readUserProfile(records, username);
  } catch (error) {
    if (!(error instanceof HearthError) || error.code !== 'TAMPERED') throw error;
  }
  if (profile) {
    const found = profile;
    return {
      roles: removalRoles(found.role, certifiedRoles),
      staffKeys: [found.signPublicKey],
      rebuilt: false,
      writeRemoved: (put, removal) => writeRemovedProfile(put, records, username, removal),
    };
  }
  const current = currentCertificates(records, username);
  const newest = current.at(-1);
  // Nothing certified says who he is: refused as before, with the way out.
  if (!newest) throw profileUnreadableError(username);
  const roles = [...(certifiedRoles ?? [])].filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  const rebuilt: UserProfile = {
    username,
    displayName: newest.displayName,
    role: newest.role,
    signPublicKey: newest.publicKey,
    createdAt: newest.issuedAt,
    createdBy: newest.issuedBy,
  };
  return {
    roles: roles.length > 0 ? roles : [newest.role],
    staffKeys: current.map((c) => c.publicKey),
    rebuilt: true,
    writeRemoved: (put, removal) => {
      const seq = lastProfileSeq(records, audit, username) + 1;
      // Red team 26, R26-1: a profile row that does not read because its clear kind or seq was
      // edited (kind 'userx', seq 'x') made the write below a CONFLICT, which refused the whole
      // removal. The row is replaced: the rebuilt, removed profile supersedes it.
      records.remove(`user:${username}`);
      return writeRebuiltRemovedProfile(put, { ...rebuilt, ...removal }, seq);
    },
  };
}

/** The user's valid, not withdrawn certificate statements, oldest issued first. */
function currentCertificates(records: RecordStore, username: string) {
  const lookup = certifiedSignerLookup(records);
  return listCertificateRecords(records)
    .filter((r) => r.withdrawal === undefined && r.certificate.statement.username === username)
    .map((r) => r.certificate.statement)
    .filter((s) => {
      const owner = lookup(s.publicKey);
      return 'username' in owner && owner.username === username;
    })
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

/**
 * The newest version of the profile record the file or the signed log names: the row's clear seq
 * (when the row is there and whole), and the version the audit entry the index points at wrote.
 * 0 when neither says (the rebuilt profile is then version 1).
 */
function lastProfileSeq(records: RecordStore, audit: AuditLog, username: string): number {
  const recordId = `user:${username}`;
  const stored: unknown = records.seqOf(recordId);
  let seq = typeof stored === 'number' && Number.isSafeInteger(stored) ? stored : 0;
  const entry = audit.indexedEntry(recordId);
  const claim = entry === undefined ? undefined : audit.claimAt(entry, certifiedSignerLookup(records));
  for (const ref of claim?.refs ?? []) if (ref.id === recordId) seq = Math.max(seq, ref.seq);
  return Number.isSafeInteger(seq) ? seq : 0;
}
