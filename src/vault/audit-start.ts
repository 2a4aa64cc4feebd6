// The start of signed audit, as a statement signed by the centre key (red team round 3, M1).
// Entries before `audit_signed_from` (vault_meta) are accepted without an author signature: they
// were written before migration 0004. That boundary is a cleartext column; if nothing vouched for
// it, anyone with the file could strip every signature and move it past the last entry, and the
// whole log would read as "legacy". So the centre key, which only admins hold, signs
// `hearth.audit-start.v1` LF JCS({format, vaultId, centreKeyId, auditSignedFrom, signedAt,
// signedBy}) when the vault is created (auditSignedFrom 1) or, for an older vault, at its first
// admin sign-in; the audit log trusts the signed value only (`trustedSignedFrom`), and
// `vault check` names a column that differs from it, or a statement that does not verify.
import {
  deriveKeyId,
  keyIdText,
  sha256,
  signDetached,
  verifyDetached,
  CryptoError,
} from '../crypto';
import { jcs } from './jcs';
import { toHex, utf8 } from './encoding';

export const AUDIT_START_FORMAT = 'hearth.audit-start.v1';

/**
 * The audit record reference of the statement (not a row of `records`): the entry that signed it
 * commits to `auditStartHash(text)`, so `vault check` notices the column emptied afterwards.
 */
export const AUDIT_START_REF = 'audit-start';

/** sha256 hex of the stored statement text. */
export function auditStartHash(text: string): string {
  return toHex(sha256(utf8(text)));
}

export interface AuditStartStatement {
  format: typeof AUDIT_START_FORMAT;
  /** The vault's id, hex. */
  vaultId: string;
  /** minisign key id text of the centre key that signs. */
  centreKeyId: string;
  /** The first audit sequence number that must carry an author signature (>= 1). */
  auditSignedFrom: number;
  signedAt: string;
  /** The admin whose sign-in signed it. */
  signedBy: string;
}

export interface AuditStart {
  statement: AuditStartStatement;
  /** Ed25519 signature (hex) by the centre key over `auditStartMessage(statement)`. */
  signature: string;
}

/** What the file's statement says: verified, absent (not yet signed), or why it is not trusted. */
export type AuditStartVerdict =
  | { status: 'signed'; auditSignedFrom: number; statement: AuditStartStatement }
  | { status: 'absent' }
  | { status: 'invalid'; problem: string };

const encoder = new TextEncoder();

/** The exact bytes the centre key signs. */
export function auditStartMessage(statement: AuditStartStatement): Uint8Array {
  return encoder.encode(`${AUDIT_START_FORMAT}\n${jcs(statement)}`);
}

/**
 * Signs the boundary with the centre's Ed25519 secret key (64 bytes; the caller checks the
 * admin role and wipes it). Returns the JSON text stored in vault_meta.audit_start.
 */
export function signAuditStart(
  fields: Omit<AuditStartStatement, 'format' | 'centreKeyId'>,
  centrePublicKey: Uint8Array,
  centreSecretKey: Uint8Array,
): string {
  const statement: AuditStartStatement = {
    format: AUDIT_START_FORMAT,
    ...fields,
    centreKeyId: keyIdText(deriveKeyId(centrePublicKey)),
  };
  const start: AuditStart = {
    statement,
    signature: toHex(signDetached(auditStartMessage(statement), centreSecretKey)),
  };
  return JSON.stringify(start);
}

/**
 * Checks the stored statement (vault_meta.audit_start, JSON text or null) against the centre
 * public key (32 bytes) and the vault id (hex). Never throws on bad input: a malformed, foreign
 * or forged statement is `invalid` with a sentence saying why.
 */
export function checkAuditStart(
  text: string | null | undefined,
  centrePublicKey: Uint8Array,
  vaultIdHex: string,
): AuditStartVerdict {
  if (text === null || text === undefined) return { status: 'absent' };
  let value: AuditStart;
  try {
    value = JSON.parse(text) as AuditStart;
  } catch {
    return { status: 'invalid', problem: 'it is not readable JSON' };
  }
  const s = value?.statement;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof s !== 'object' ||
    s === null ||
    s.format !== AUDIT_START_FORMAT ||
    typeof s.vaultId !== 'string' ||
    typeof s.centreKeyId !== 'string' ||
    !Number.isSafeInteger(s.auditSignedFrom) ||
    s.auditSignedFrom < 1 ||
    typeof s.signedAt !== 'string' ||
    typeof s.signedBy !== 'string' ||
    typeof value.signature !== 'string' ||
    !/^[0-9a-f]{128}$/.test(value.signature)
  )
    return { status: 'invalid', problem: 'it is not a signed audit-start statement' };
  if (s.vaultId !== vaultIdHex) return { status: 'invalid', problem: 'it names another vault' };
  if (s.centreKeyId !== keyIdText(deriveKeyId(centrePublicKey)))
    return { status: 'invalid', problem: "it names another centre key than this vault's" };
  try {
    verifyDetached(Buffer.from(value.signature, 'hex'), auditStartMessage(s), centrePublicKey);
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return {
      status: 'invalid',
      problem: "the centre key's signature does not verify (edited or forged)",
    };
  }
  return { status: 'signed', auditSignedFrom: s.auditSignedFrom, statement: s };
}
