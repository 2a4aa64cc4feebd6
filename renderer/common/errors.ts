// Core errors become plain-language text with what to do next. The core's own message is
// never shown: it is English-only and written for logs, and a stack trace never reaches here.
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../src/api/contract';
import type { CoreError } from '../bridge/client';

/**
 * The contract's codes that have their own text under `errors.<code>`. The transcript importer's
 * BAD_ENCODING and BAD_TRANSCRIPT are worded, with the line at fault, by its own screen
 * (report/transcript-problem.tsx); anywhere else they, like any code not in the contract, read
 * as INTERNAL.
 */
const IMPORTER_ONLY = new Set<ErrorCode>(['BAD_ENCODING', 'BAD_TRANSCRIPT']);
const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES.filter((c) => !IMPORTER_ONLY.has(c)));

/**
 * The refusals worded under `errors.<code>.reasons.<reason>`: the sign-in an admin must make
 * first (src/vault/vault.ts unlock: an untrustworthy anchor, or a rollback the anchor saw), and a
 * write refused until an admin's sign-in reads a class key's floor again (KEY_FLOOR_MISSING,
 * src/vault/key-floors.ts), with the check and the backup when the admin is refused too; and a
 * vault file that lacks one of Hearth's tables (TAMPERED SCHEMA_MISSING, schema-check.ts).
 */
const WORDED_REASONS: Partial<Record<string, ReadonlySet<string>>> = {
  FORBIDDEN: new Set(['ANCHOR_ADMIN_FIRST', 'ROLLBACK_ADMIN_FIRST', 'KEY_FLOOR_MISSING']),
  // A reference the signed log gave to a case deleted outside Hearth (sec59): not "changed at
  // the same time"; the way out is the backup, which brings the case back.
  // A reference another case uses (REFERENCE_TAKEN), and a reveal on a case that hides
  // nothing (NOT_ALLEGATION_BLIND): what happened and what to do instead, not "changed at the
  // same time" (sec61).
  CONFLICT: new Set(['REFERENCE_OF_DELETED_CASE', 'REFERENCE_TAKEN', 'NOT_ALLEGATION_BLIND']),
  // A Hearth table dropped outside Hearth (R24-6): no one signs in, so "ask for a vault check"
  // is not enough; the backup is the way out.
  // A user's slot whose KDF settings were edited (R24-7): not her passphrase, not counted.
  // A user whose profile was deleted outside Hearth cannot be removed yet (R25-7): the way out.
  // A key the sign-in needs has a certificate row of the wrong type (R25-3): the check and backup.
  // A case's referral list that does not open (R25-1 C): nothing written over it, the way out.
  // An event whose audit entry is damaged (R24-5): no seal around it; what is safe, the way out.
  TAMPERED: new Set([
    'SCHEMA_MISSING',
    'SLOT_KDF_EDITED',
    'PROFILE_UNREADABLE',
    // The signing-in user's own profile damaged (sec61): not the removal's words.
    'OWN_PROFILE_UNREADABLE',
    'REFERRALS_UNREADABLE',
    'EVENT_AUTHOR_UNPROVEN',
    // An older copy of a case put back over its row (R24-1): not shown, the way out.
    'RECORD_NOT_LATEST',
    'KEY_CERT_MALFORMED',
    // A staff certificate row deleted (R26-3): not "added outside Hearth"; the backup puts it back.
    'CERTIFICATE_MISSING',
    'CERTIFICATE_INVALID',
    // A key without a valid certificate (R26-1): the row it depends on, then check and backup.
    'KEY_CERT_INVALID',
    // The last event(s) of an interview, or its summary, deleted outside Hearth (R26-7): the
    // first write is refused with nothing written; the check and the backup are the way out.
    'EVENT_MISSING',
    'SUMMARY_MISSING',
  ]),
};

export interface PlainError {
  what: string;
  next: string;
}

/**
 * Plain text for a core error. A refusal with a `reason` worded under
 * `errors.<code>.reasons.<reason>` (FORBIDDEN at sign-in: ANCHOR_ADMIN_FIRST, ROLLBACK_ADMIN_FIRST)
 * says that. An INVALID_INPUT that names a field with its own text under
 * `fieldErrors.<path>` (the rule and what to do) says that instead of the generic sentence.
 */
export function plainError(t: TFunction, error: CoreError): PlainError {
  const code = KNOWN.has(error.code) ? error.code : 'INTERNAL';
  if (code === 'INVALID_INPUT') {
    for (const field of error.fields ?? []) {
      const what = t(`fieldErrors.${field}.what`, { defaultValue: '' });
      if (what) return { what, next: t(`fieldErrors.${field}.next`) };
    }
  }
  // A refusal whose `reason` has its own text says that instead.
  if (error.reason && WORDED_REASONS[code]?.has(error.reason))
    return {
      what: t(`errors.${code}.reasons.${error.reason}.what`),
      next: t(`errors.${code}.reasons.${error.reason}.next`),
    };
  return { what: t(`errors.${code}.what`), next: t(`errors.${code}.next`) };
}

/**
 * A file-saving screen's own words for the core's refusals: CONFLICT on a save means a file with
 * that name already exists (Hearth never overwrites), not CONFLICT's general "someone changed
 * this at the same time"; NOT_FOUND means the folder is missing. The core's other refusals of a
 * destination already arrive as INVALID_INPUT naming `backup.isFolder`, `backup.parentNotFolder`
 * or `backup.noPermission` (src/vault/backup.ts) and pass through. Shape: CoreError in, CoreError
 * out (INVALID_INPUT naming `backup.exists` / `backup.noFolder`, whose texts are generic).
 */
export function savedFileError(error: CoreError): CoreError {
  if (error.code === 'CONFLICT')
    return { ...error, code: 'INVALID_INPUT', fields: ['backup.exists'] };
  if (error.code === 'NOT_FOUND')
    return { ...error, code: 'INVALID_INPUT', fields: ['backup.noFolder'] };
  return error;
}
