// The one contract between every caller (Electron renderer, CLI, tests, e2e harness) and the
// core: channel names with zod schemas for request and response. Pure: zod and types only, so
// the renderer can import it. Names and fields of the minimum contract in DESIGN.md are fixed.
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_IN_USE',
  'VAULT_TOO_NEW',
  'VAULT_CORRUPT',
  'BAD_PASSPHRASE',
  'BAD_RECOVERY_KEY',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TAMPERED',
  'SESSION_SEALED',
  'DISK_FULL',
  'IO_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CoreError {
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED: milliseconds until the next attempt is allowed. */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoreError };

// ---- shared field schemas ------------------------------------------------------------------

const username = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,31}$/,
    'User name: 2-32 lower-case letters, digits, dot, dash or underscore',
  );
const displayName = z
  .string()
  .trim()
  .min(1, 'Display name is required')
  .max(100, 'Display name: at most 100 characters');
const passphrase = z
  .string()
  .min(12, 'Passphrase: at least 12 characters')
  .max(1024, 'Passphrase: at most 1024 characters');
export const roleSchema = z.enum(['admin', 'interviewer', 'trainer', 'reviewer']);
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Language: a code such as "en" or "es"');
const caseId = z.string().regex(/^case_[0-9a-f]{32}$/, 'Case id is not valid');
const isoTime = z.string();

const caseFields = {
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
  childAgeYears: z.int().min(0).max(17),
  childAgeMonths: z.int().min(0).max(11),
  language,
  interpreterNeeded: z.boolean(),
  allegationSummary: z.string().max(4000, 'Allegation summary: at most 4,000 characters'),
  allegationBlind: z.boolean(),
  notes: z.string().max(20000, 'Notes: at most 20,000 characters'),
};

const caseSummary = z.object({
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

const caseView = caseSummary.extend({
  allegationSummary: z.string().optional(),
  notes: z.string().optional(),
  allegationHidden: z.boolean(),
});

const signedInUser = z.object({ username: z.string(), role: roleSchema });
const empty = z.strictObject({});

// ---- channels --------------------------------------------------------------------------------

export const channels = {
  'vault.status': {
    request: empty,
    response: z.object({
      exists: z.boolean(),
      unlocked: z.boolean(),
      user: signedInUser.optional(),
    }),
  },
  'vault.create': {
    request: z.strictObject({ username, displayName, passphrase }),
    response: z.object({ recoveryKey: z.string() }),
  },
  'vault.unlock': {
    request: z.strictObject({ username: z.string().max(64), passphrase: z.string().max(1024) }),
    response: signedInUser,
  },
  'vault.lock': { request: empty, response: z.object({}) },
  'vault.changePassphrase': {
    request: z.strictObject({ currentPassphrase: z.string().max(1024), newPassphrase: passphrase }),
    response: z.object({}),
  },
  'vault.recover': {
    request: z.strictObject({
      username,
      recoveryKey: z.string().min(1).max(200),
      newPassphrase: passphrase,
    }),
    response: z.object({ username: z.string(), role: roleSchema, recoveryKey: z.string() }),
  },
  'vault.check': {
    request: empty,
    response: z.object({
      ok: z.boolean(),
      problems: z.array(z.object({ kind: z.string(), id: z.string(), detail: z.string() })),
    }),
  },
  'vault.backup': {
    request: z.strictObject({ path: z.string().min(1).max(4096) }),
    response: z.object({ path: z.string(), bytes: z.int() }),
  },
  'users.add': {
    request: z.strictObject({ username, displayName, role: roleSchema, passphrase }),
    response: z.object({ username: z.string() }),
  },
  'users.list': {
    request: empty,
    response: z.object({
      users: z.array(
        z.object({
          username: z.string(),
          displayName: z.string(),
          role: roleSchema,
          createdAt: isoTime,
        }),
      ),
    }),
  },
  'cases.create': {
    request: z.strictObject({
      reference: caseFields.reference,
      childAlias: caseFields.childAlias,
      childAgeYears: caseFields.childAgeYears,
      childAgeMonths: caseFields.childAgeMonths.optional(),
      language: caseFields.language,
      interpreterNeeded: caseFields.interpreterNeeded.optional(),
      allegationSummary: caseFields.allegationSummary.optional(),
      allegationBlind: caseFields.allegationBlind.optional(),
      notes: caseFields.notes.optional(),
    }),
    response: z.object({ caseId }),
  },
  'cases.list': {
    request: z.strictObject({ includeArchived: z.boolean().optional() }),
    response: z.object({
      cases: z.array(caseSummary),
      /** Ids of case records that failed authentication; `vault.check` explains them. */
      unreadable: z.array(z.string()),
    }),
  },
  'cases.get': {
    request: z.strictObject({ caseId, revealAllegation: z.boolean().optional() }),
    response: caseView,
  },
  'cases.update': {
    request: z.strictObject({
      caseId,
      patch: z
        .strictObject({
          reference: caseFields.reference.optional(),
          childAlias: caseFields.childAlias.optional(),
          childAgeYears: caseFields.childAgeYears.optional(),
          childAgeMonths: caseFields.childAgeMonths.optional(),
          language: caseFields.language.optional(),
          interpreterNeeded: caseFields.interpreterNeeded.optional(),
          allegationSummary: caseFields.allegationSummary.optional(),
          allegationBlind: caseFields.allegationBlind.optional(),
          notes: caseFields.notes.optional(),
        })
        .refine((p) => Object.keys(p).length > 0, 'Nothing to change'),
    }),
    response: z.object({ caseId, version: z.int() }),
  },
  'cases.archive': {
    request: z.strictObject({ caseId, archived: z.boolean().optional() }),
    response: z.object({ caseId, archived: z.boolean() }),
  },
  'audit.list': {
    request: z.strictObject({
      limit: z.int().min(1).max(1000).optional(),
      beforeSeq: z.int().min(1).optional(),
    }),
    response: z.object({
      entries: z.array(
        z.object({
          seq: z.int(),
          at: isoTime,
          actor: z.string(),
          action: z.string(),
          target: z.string().optional(),
          detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
        }),
      ),
    }),
  },
} as const;

export type Channel = keyof typeof channels;
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends Channel> = z.output<(typeof channels)[C]['response']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** A person-readable INVALID_INPUT message built from field names and rules, never from the values. */
export function describeInvalidInput(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'request';
    if (issue.code === 'unrecognized_keys') {
      // Key names are caller input too: show them only when they look like field names.
      const names = issue.keys.filter((k) => /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(k));
      return `${field}: unknown field(s)${names.length === issue.keys.length ? ` ${names.join(', ')}` : ''}`;
    }
    return `${field}: ${issue.message}`;
  });
  return `Invalid input. ${parts.join('; ')}`;
}
