// Field schemas shared by several channel groups. Pure: zod only (the renderer imports these).
import { z } from 'zod';

export const username = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,31}$/,
    'User name: 2-32 lower-case letters, digits, dot, dash or underscore',
  );
/** Line breaks, control, ANSI-escape and bidi-override characters (as src/vault/certificate-format.ts). */
const invisibleOrControl =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;
/** Invisible and look-alike spacing characters (as NAME_INVISIBLE in certificate-format.ts). */
const nameInvisible =
  /[\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
export const displayName = z
  .string()
  .trim()
  .min(1, 'Display name is required')
  .max(100, 'Display name: at most 100 characters')
  .refine(
    (name) => !invisibleOrControl.test(name),
    'Display name: no line breaks, control characters or text-direction overrides',
  )
  .refine(
    (name) => !nameInvisible.test(name),
    'Display name: remove invisible characters (zero-width, soft hyphen, no-break or other special spaces) and type the name again',
  );
export const passphrase = z
  .string()
  .min(12, 'Passphrase: at least 12 characters')
  .max(1024, 'Passphrase: at most 1024 characters');
export const roleSchema = z.enum(['admin', 'interviewer', 'trainer', 'reviewer', 'advocate']);
export const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Language: a code such as "en" or "es"');
/**
 * True for a well-formed BCP-47 language tag whose primary subtag is a language ("es", "es-419",
 * "zh-Hant", "mam", "und" for undetermined), as Intl.getCanonicalLocales checks it (RFC 5646).
 * Nothing is truncated or guessed: a name such as "Spanish" is not a tag.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,6}$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * A spoken language (the child's own words, an interpreter's languages): any BCP-47 tag. The
 * message names the rule and the next step; it never repeats what was typed.
 */
export const spokenLanguage = z
  .string()
  .refine(
    isLanguageTag,
    'Language: not a BCP-47 language code (such as "es", "es-MX" or "mam"); choose the language from the list, or "und" when it is not known',
  );
/**
 * A file path the core writes to: a full path (POSIX "/…", Windows "C:\\…" or "\\\\server\\…").
 * A relative path would land in whatever folder the app was started from (issue #21 review:
 * "progress.pdf" was written into the program's folder), so it is refused with the rule.
 */
export const absolutePath = z
  .string()
  .min(1, 'Path is required')
  .max(4096, 'Path: at most 4096 characters')
  .refine(
    (p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p),
    'Path: a full path is needed (such as /media/usb/hearth-backup.db or D:\\hearth-backup.db), not a relative one',
  );
export const caseId = z.string().regex(/^case_[0-9a-f]{32}$/, 'Case id is not valid');
export const isoTime = z.string();

export const caseFields = {
  reference: z
    .string()
    .trim()
    .min(1, 'Case reference is required')
    .max(64, 'Case reference: at most 64 characters'),
  childAlias: z
    .string()
    .trim()
    .min(1, 'Child alias is required')
    .max(64, 'Child alias: at most 64 characters'),
  // No forensic interview protocol covers children under 3 (NICHD, Ten Step, NCAC, ABE).
  childAgeYears: z
    .int()
    .min(
      3,
      'Child age: Hearth plans interviews for children aged 3 to 17; no forensic interview protocol covers children under 3',
    )
    .max(17, 'Child age: at most 17; child protocols do not apply to adults'),
  /** Months beyond the whole years; kept for children under 6. */
  childAgeMonths: z.int().min(0).max(11),
  language,
  interpreterNeeded: z.boolean(),
  allegationSummary: z.string().max(4000, 'Allegation summary: at most 4,000 characters'),
  allegationBlind: z.boolean(),
  notes: z.string().max(20000, 'Notes: at most 20,000 characters'),
};

export const caseSummary = z.object({
  caseId,
  reference: z.string(),
  childAlias: z.string(),
  childAgeYears: z.int(),
  childAgeMonths: z.int(),
  language: z.string(),
  interpreterNeeded: z.boolean(),
  allegationBlind: z.boolean(),
  archived: z.boolean(),
  version: z.int(),
  createdAt: isoTime,
  createdBy: z.string(),
  updatedAt: isoTime,
  updatedBy: z.string(),
});

export const caseView = caseSummary.extend({
  allegationSummary: z.string().optional(),
  notes: z.string().optional(),
  allegationHidden: z.boolean(),
});

export const signedInUser = z.object({
  username: z.string(),
  role: roleSchema,
  /** The name colleagues know them by ("Ada Admin"); the top bar shows it. */
  displayName: z.string().optional(),
  /** The anchor outside the vault file shows it was rolled back (also kept in the audit log). */
  rolledBack: z.object({ missing: z.int().min(0), message: z.string() }).optional(),
  /** The anchor was missing, damaged, unsigned or another vault's: rollback cannot be ruled out. */
  anchorMissing: z
    .object({
      status: z.enum(['absent', 'unreadable', 'other-vault', 'unsigned', 'checkpoint-missing']),
      message: z.string(),
    })
    .optional(),
  /** Her profile once held her passphrase (sec46): change it now; older copies still hold it. */
  passphraseExposed: z.object({ since: z.string(), message: z.string() }).optional(),
});
export const empty = z.strictObject({});

/**
 * Paging of every list (issue #22): items [offset, offset + limit) of a stable order. limit
 * defaults to 200 and is at most 1,000 (PAGE_LIMIT in src/vault/paging.ts).
 */
export const pageRequest = {
  offset: z.int().min(0).max(10_000_000).optional(),
  limit: z.int().min(1).max(1000).optional(),
};

/** What every paged answer adds: how many items matched, and where the next page starts (absent on the last). */
export const pageInfo = {
  total: z.int().min(0),
  nextOffset: z.int().min(1).optional(),
};
