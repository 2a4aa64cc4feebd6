// Case ids that commit to their creator (red team 16, R16-2 residual; sec41). An interviewer
// could append a signed entry of his own claiming to create someone else's case and bind a
// certificate of his own allegation key to it; telling his entry from the real creation needs
// the FIRST entry that wrote the case, i.e. a walk of the audit log, which sign-in must not do
// (issue #22). Instead the case id itself names its creator: the id's 24 leading hex digits are
// a BLAKE2b hash of the staff key that signs the creation entry and a random salt kept in the
// case record (sealed under the case key, carried into every later version). A version-1
// allegation certificate is used only when the entry it is bound to was signed by that key: one
// case record read (primary key, cached by the key store) instead of a walk. Forging it means
// finding a salt that hashes a different staff key to the same 96 bits (2^96 work). Nothing here
// is visible without a key: the salt is sealed, so the file alone still does not tell who created
// a case (R15-7).
//
// Ids from before this end in anything but CREATOR_TAG (random, `newId`): they keep the older
// rule (the bound entry must write the case's first version), and `vault check` names a rebound
// one (ALLEGATION_CERT_REBOUND). A random id ends in the tag by chance with probability 2^-32;
// such a case's allegation would then be refused (denial, named by the check), never disclosed.
import { blake2b, randomBytes } from '../crypto';
import { toHex } from './encoding';
import { HearthError } from './errors';
import type { RecordStore } from './records';

/** The last 8 hex digits of a creator-bound case id (a constant, so the format is recognisable). */
export const CREATOR_TAG = 'c0de1d41';

const DOMAIN = new TextEncoder().encode('hearth.case-id.v1\0');
const SALT_BYTES = 32;

function digest(creatorKey: Uint8Array, salt: Uint8Array): string {
  const input = new Uint8Array(DOMAIN.length + creatorKey.length + salt.length);
  input.set(DOMAIN, 0);
  input.set(creatorKey, DOMAIN.length);
  input.set(salt, DOMAIN.length + creatorKey.length);
  return toHex(blake2b(input, 16)).slice(0, 24);
}

/**
 * A new case id bound to `creatorKey` (the 32-byte Ed25519 staff public key that will sign the
 * creation entry): `case_<24 hex of BLAKE2b(domain, key, salt)><CREATOR_TAG>`, the same shape as
 * any case id (`case_` and 32 hex digits). `idSalt` (64 hex) must be stored in the case record.
 */
export function newCreatorBoundCaseId(creatorKey: Uint8Array): { caseId: string; idSalt: string } {
  const salt = randomBytes(SALT_BYTES);
  return { caseId: `case_${digest(creatorKey, salt)}${CREATOR_TAG}`, idSalt: toHex(salt) };
}

/** Whether a case id has the creator-bound form (made since sec41); older ids are random. */
export function isCreatorBoundCaseId(caseId: string): boolean {
  return /^case_[0-9a-f]{24}/.test(caseId) && caseId.endsWith(CREATOR_TAG) && caseId.length === 37;
}

/**
 * Whether creator-bound `caseId` was made for the staff key `creatorKeyHex` (64 hex) with the
 * salt `idSalt` (64 hex, from the case record). False for a malformed salt or key.
 */
export function caseIdNamesCreator(
  caseId: string,
  creatorKeyHex: string,
  idSalt: unknown,
): boolean {
  if (!isCreatorBoundCaseId(caseId)) return false;
  if (typeof idSalt !== 'string' || !/^[0-9a-f]{64}$/.test(idSalt)) return false;
  if (!/^[0-9a-f]{64}$/.test(creatorKeyHex)) return false;
  const key = new Uint8Array(Buffer.from(creatorKeyHex, 'hex'));
  const salt = new Uint8Array(Buffer.from(idSalt, 'hex'));
  return `case_${digest(key, salt)}${CREATOR_TAG}` === caseId;
}

/**
 * The id salt of case `caseId`'s record, read with this sign-in's case key; undefined when the
 * record is missing, is not that case's, does not open, or has no salt. For judging a version-1
 * allegation certificate (key-vouching.ts `boundAllegationSigner`). Cost: one record opening.
 */
export function caseIdSalt(records: RecordStore, caseId: string): string | undefined {
  const read = readCaseIdSalt(records, caseId);
  return typeof read === 'object' ? read.salt : undefined;
}

/**
 * The id salt of case `caseId`'s record as `vault check` needs to tell the findings apart:
 * `{ salt }` (undefined when the record opens but holds none), or 'unreadable' when the record
 * is missing, is not that case's or does not open (RECORD_UNREADABLE / RECORD_MISSING name that).
 */
export function readCaseIdSalt(
  records: RecordStore,
  caseId: string,
): { salt: string | undefined } | 'unreadable' {
  try {
    const found = records.get<{ caseId?: unknown; idSalt?: unknown }>(caseId);
    if (!found || found.address.kind !== 'case' || found.value.caseId !== caseId)
      return 'unreadable';
    return { salt: typeof found.value.idSalt === 'string' ? found.value.idSalt : undefined };
  } catch (error) {
    if (error instanceof HearthError) return 'unreadable';
    throw error;
  }
}
