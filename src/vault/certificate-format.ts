// Staff certificates: statements signed by the centre key that bind a person and a role to a
// staff signing key. Pure (no storage), so the bundle verifier checks them with the same code
// that issues them. Each statement is RFC 8785 (JCS) JSON, signed with Ed25519 as
// `hearth.certificate.v1\n` + JCS(statement); a withdrawal is signed the same way under its own
// prefix. One staff key is certified for one role for its whole life: a role change needs a new
// staff key, so a signature can never be read as made "in" another role.
import {
  CryptoError,
  deriveKeyId,
  keyFingerprint,
  keyIdText,
  verifyDetached,
  signDetached,
} from '../crypto';
import { toHex } from './encoding';
import { jcs } from './jcs';
import { ROLES, type Role } from './roles';
import { confusableScriptsOf } from './look-alike';

export const CERTIFICATE_FORMAT = 'hearth.certificate.v1';
export const WITHDRAWAL_FORMAT = 'hearth.certificate-withdrawal.v1';

export interface CertificateStatement {
  format: typeof CERTIFICATE_FORMAT;
  /** Vault id (hex): certificates of one centre's vault. */
  vaultId: string;
  /** Key id (minisign text, 16 upper-case hex) of the centre key that signs this statement. */
  centreKeyId: string;
  /** Increases with every certificate the centre issues for this staff key (display name changes). */
  serial: number;
  username: string;
  displayName: string;
  role: Role;
  /** The staff member's Ed25519 public signing key, hex (32 bytes). */
  publicKey: string;
  /** ISO 8601 UTC with milliseconds. */
  issuedAt: string;
  /** User name of the admin who issued it. */
  issuedBy: string;
}

export interface Certificate {
  statement: CertificateStatement;
  /** Ed25519 signature (hex, 64 bytes) by the centre key over certificateMessage(statement). */
  signature: string;
}

export interface WithdrawalStatement {
  format: typeof WITHDRAWAL_FORMAT;
  vaultId: string;
  centreKeyId: string;
  username: string;
  publicKey: string;
  withdrawnAt: string;
  withdrawnBy: string;
  reason: string;
}

export interface Withdrawal {
  statement: WithdrawalStatement;
  signature: string;
}

const encoder = new TextEncoder();

/** The exact bytes the centre key signs for a certificate. */
export function certificateMessage(statement: CertificateStatement): Uint8Array {
  return encoder.encode(`${CERTIFICATE_FORMAT}\n${jcs(statement)}`);
}

/** The exact bytes the centre key signs for a withdrawal. */
export function withdrawalMessage(statement: WithdrawalStatement): Uint8Array {
  return encoder.encode(`${WITHDRAWAL_FORMAT}\n${jcs(statement)}`);
}

/** Signs a certificate statement with the centre's Ed25519 secret key (64 bytes; caller wipes it). */
export function signCertificate(
  statement: CertificateStatement,
  centreSecretKey: Uint8Array,
): Certificate {
  return {
    statement,
    signature: toHex(signDetached(certificateMessage(statement), centreSecretKey)),
  };
}

export function signWithdrawal(
  statement: WithdrawalStatement,
  centreSecretKey: Uint8Array,
): Withdrawal {
  return {
    statement,
    signature: toHex(signDetached(withdrawalMessage(statement), centreSecretKey)),
  };
}

/** Why a certificate is not acceptable, as a typed code the verifier reports. */
export type CertificateProblem =
  | 'CERT_MALFORMED' // not the certificate shape
  | 'CERT_UNTRUSTED' // names another centre key than the trusted one
  | 'CERT_INVALID'; // the centre's signature does not verify (an edited field, or a forgery)

const HEX32 = /^[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{128}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

function validSignature(signatureHex: string, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (!HEX64.test(signatureHex)) return false;
  try {
    verifyDetached(Uint8Array.from(Buffer.from(signatureHex, 'hex')), message, publicKey);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

function hasExactKeys(value: object, keys: string[]): boolean {
  const own = Object.keys(value).sort();
  return own.length === keys.length && [...keys].sort().every((k, i) => own[i] === k);
}

/** True when `value` has exactly the certificate's fields with the right types. */
export function isCertificate(value: unknown): value is Certificate {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (!hasExactKeys(c, ['statement', 'signature']) || typeof c.signature !== 'string') return false;
  const s = c.statement as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) return false;
  const keys = [
    'format',
    'vaultId',
    'centreKeyId',
    'serial',
    'username',
    'displayName',
    'role',
    'publicKey',
    'issuedAt',
    'issuedBy',
  ];
  return (
    hasExactKeys(s, keys) &&
    s.format === CERTIFICATE_FORMAT &&
    typeof s.vaultId === 'string' &&
    /^[0-9a-f]{32}$/.test(s.vaultId) &&
    typeof s.centreKeyId === 'string' &&
    /^[0-9A-F]{16}$/.test(s.centreKeyId) &&
    Number.isSafeInteger(s.serial) &&
    (s.serial as number) >= 1 &&
    typeof s.username === 'string' &&
    USERNAME.test(s.username) &&
    typeof s.displayName === 'string' &&
    checkDisplayName(s.displayName) === undefined &&
    (ROLES as readonly unknown[]).includes(s.role) &&
    typeof s.publicKey === 'string' &&
    HEX32.test(s.publicKey) &&
    typeof s.issuedAt === 'string' &&
    ISO.test(s.issuedAt) &&
    typeof s.issuedBy === 'string' &&
    USERNAME.test(s.issuedBy)
  );
}

export function isWithdrawal(value: unknown): value is Withdrawal {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (!hasExactKeys(c, ['statement', 'signature']) || typeof c.signature !== 'string') return false;
  const s = c.statement as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) return false;
  const keys = [
    'format',
    'vaultId',
    'centreKeyId',
    'username',
    'publicKey',
    'withdrawnAt',
    'withdrawnBy',
    'reason',
  ];
  return (
    hasExactKeys(s, keys) &&
    s.format === WITHDRAWAL_FORMAT &&
    [s.vaultId, s.centreKeyId, s.username, s.withdrawnBy, s.reason].every(
      (v) => typeof v === 'string',
    ) &&
    typeof s.publicKey === 'string' &&
    HEX32.test(s.publicKey) &&
    typeof s.withdrawnAt === 'string' &&
    ISO.test(s.withdrawnAt)
  );
}

/**
 * Checks a certificate against the trusted centre public key (32 bytes). Returns undefined when
 * the certificate is well formed, names that centre key and carries its valid signature.
 */
export function checkCertificate(
  value: unknown,
  centrePublicKey: Uint8Array,
): CertificateProblem | undefined {
  if (!isCertificate(value)) return 'CERT_MALFORMED';
  if (value.statement.centreKeyId !== keyIdText(deriveKeyId(centrePublicKey)))
    return 'CERT_UNTRUSTED';
  return validSignature(value.signature, certificateMessage(value.statement), centrePublicKey)
    ? undefined
    : 'CERT_INVALID';
}

export function checkWithdrawal(
  value: unknown,
  centrePublicKey: Uint8Array,
): CertificateProblem | undefined {
  if (!isWithdrawal(value)) return 'CERT_MALFORMED';
  if (value.statement.centreKeyId !== keyIdText(deriveKeyId(centrePublicKey)))
    return 'CERT_UNTRUSTED';
  return validSignature(value.signature, withdrawalMessage(value.statement), centrePublicKey)
    ? undefined
    : 'CERT_INVALID';
}

// ---- what a person reads: names that cannot disguise themselves ----

/** Control (C0, C1), bidi embedding/override/isolate, and line/paragraph separators. */
export const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

/**
 * Why a display name (or another one-line label a person reads) is refused, or undefined when
 * it is acceptable: no line breaks, control, ANSI escape or bidi-override characters, 1-100
 * characters after trimming. Such characters can make a key list or a verdict say something
 * other than what its bytes hold.
 */
export function checkDisplayName(name: string): string | undefined {
  if (name.trim() !== name || name.length === 0 || [...name].length > 100)
    return 'a display name has 1 to 100 characters, without leading or trailing spaces';
  if (INVISIBLE_OR_CONTROL.test(name))
    return 'a display name cannot hold line breaks, control characters or text-direction overrides';
  const hidden = NAME_INVISIBLE.exec(name);
  if (hidden)
    return `a display name cannot hold invisible or look-alike spacing characters (found ${codePoint(hidden[0])}: zero-width, format, or a space other than the ordinary one); retype the name without copying it from another document`;
  return undefined;
}

/**
 * What a name must not hold besides INVISIBLE_OR_CONTROL: format characters (zero-width space,
 * joiners, soft hyphen, word joiner), every default-ignorable code point (Hangul fillers,
 * variation selectors), private-use characters, and spaces other than U+0020 (no-break, thin,
 * ideographic): each lets two names that look the same differ, or one name hide another.
 */
export const NAME_INVISIBLE =
  /[\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

const codePoint = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A display name as stored: NFC, so that NFD and NFC spellings of one name are one name. */
export function normalizeDisplayName(name: string): string {
  return name.normalize('NFC');
}

/**
 * Why a name a verifier shows may not be what it seems, for names certified before input rules
 * were strict or by a centre that did not apply them: characters refused at input, a form other
 * than NFC, or letters mixing confusable scripts (a Cyrillic 'а' in a Latin name). Empty when none.
 */
export function nameWarnings(name: string): string[] {
  return nameProblems(name).map((p) =>
    p.kind === 'hidden'
      ? `holds invisible or control characters (${p.codePoints.join(', ')})`
      : p.kind === 'notNfc'
        ? 'is not in Unicode NFC form'
        : `mixes ${p.scripts.join(' and ')} letters (look-alike characters?)`,
  );
}

/** One reason a name may not be what it looks like, as data (the verifier words it per language). */
export type NameProblem =
  | { kind: 'hidden'; codePoints: string[] }
  | { kind: 'notNfc' }
  | { kind: 'mixedScripts'; scripts: string[] };

/** The reasons `nameWarnings` words: hidden characters ("U+200B"), not NFC, mixed scripts. */
export function nameProblems(name: string): NameProblem[] {
  const out: NameProblem[] = [];
  const hidden = [...name].filter((ch) => INVISIBLE_OR_CONTROL.test(ch) || NAME_INVISIBLE.test(ch));
  if (hidden.length > 0)
    out.push({ kind: 'hidden', codePoints: [...new Set(hidden.map(codePoint))] });
  if (name.normalize('NFC') !== name) out.push({ kind: 'notNfc' });
  const scripts = confusableScriptsOf(name);
  if (scripts.length > 1) out.push({ kind: 'mixedScripts', scripts });
  return out;
}

/**
 * Text with every control, ANSI-escape, bidi-override and line-separator character shown as
 * `[U+XXXX]`, except the line feeds a multi-line note keeps when `keepNewlines`. Used for
 * everything Hearth prints for a person: transcript.txt, the PDF, the terminal.
 */
export function visibleText(text: string, keepNewlines = false): string {
  let out = '';
  for (const ch of text) {
    if ((ch === '\n' && keepNewlines) || !INVISIBLE_OR_CONTROL.test(ch)) out += ch;
    else out += `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return out;
}

/** One fingerprint form for every key a person compares (staff and centre keys). */
export function publicKeyFingerprint(publicKeyHex: string): string {
  return keyFingerprint(Uint8Array.from(Buffer.from(publicKeyHex, 'hex')));
}
