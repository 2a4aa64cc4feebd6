// Vault lifecycle, users and the audit log.
import { z } from 'zod';
import {
  absolutePath,
  displayName,
  empty,
  isoTime,
  passphrase,
  roleSchema,
  signedInUser,
  username,
} from './common';

/**
 * One finding of vault.check: `detail` is the core's English wording (for the record); `code`
 * and `values` (entry numbers, usernames; never content) let the screen word it in the reader's
 * language, `detail` being the fallback for a finding without a code.
 */
const checkFinding = z.object({
  kind: z.string(),
  id: z.string(),
  detail: z.string(),
  code: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
/** A finding of vault.check as the API carries it. */
export type CheckFinding = z.output<typeof checkFinding>;

/**
 * One group of vault.check's findings (perf22): every finding with this `code` (uncoded ones:
 * this `kind`), `count` of them in all (exact), of which the first `listed` are in `problems`.
 */
const checkGroup = z.object({
  code: z.string().optional(),
  kind: z.string(),
  count: z.int().min(1),
  listed: z.int().min(0),
});

export const vaultChannels = {
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
      /**
       * The findings, at most 20 of each code (EXAMPLES_PER_GROUP; all of them when no code has
       * more), in the order found. A vault with planted junk rows can have 200,000 of one code.
       */
      problems: z.array(checkFinding),
      /**
       * Every code's exact count, largest first; the sum of counts is the number of findings.
       * Present when there is a finding (a clean report is `{ ok: true, problems: [] }` as
       * before); a core before perf22 never sent it and listed every finding in `problems`.
       */
      groups: z.array(checkGroup).optional(),
      /** Facts that are not damage but limit what the check proves (legacy-unsigned entries). */
      notices: z.array(checkFinding).optional(),
    }),
  },
  /**
   * An admin commits where signed audit starts in a vault whose start nothing trustworthy records
   * (vault check AUDIT_START_UNCONFIRMED), against outside proof: `backupFile` is a backup of
   * this vault (read only); the start is derived from it, never from the vault file.
   */
  'vault.confirmAuditStart': {
    request: z.strictObject({ backupFile: absolutePath }),
    response: z.object({ auditSignedFrom: z.int(), unsignedEntries: z.int().min(0) }),
  },
  'vault.backup': {
    request: z.strictObject({ path: absolutePath }),
    response: z.object({ path: z.string(), bytes: z.int() }),
  },
  'users.add': {
    request: z.strictObject({ username, displayName, role: roleSchema, passphrase }),
    response: z.object({ username: z.string() }),
  },
  'users.remove': {
    request: z.strictObject({ username }),
    /** rotatedKeys: how many keys the removed user could reach were given new versions. */
    response: z.object({ username: z.string(), rotatedKeys: z.int().min(0) }),
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
      /** Users who hold a key slot but whose profile is missing or does not open (R24-10). */
      unreadable: z.array(z.string()).optional(),
    }),
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
