// The one contract between every caller (Electron renderer, CLI, tests, e2e harness) and the
// core: channel names with zod schemas for request and response. Pure: zod and types only, so
// the renderer can import it. Names and fields of the minimum contract in DESIGN.md are fixed.
import type { z } from 'zod';

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
  'BAD_ENCODING',
  'BAD_TRANSCRIPT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CoreError {
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED: milliseconds until the next attempt is allowed. */
  retryAfterMs?: number;
  /** For BAD_TRANSCRIPT and BAD_ENCODING: 1-based line of the transcript, when known. */
  line?: number;
  /** For BAD_TRANSCRIPT and BAD_ENCODING: the importer's own code or rule (UNMAPPED_LABELS,
   * BAD_TIMING, ...). For vault.confirmAuditStart: which step refused (BACKUP_UNREADABLE,
   * NOT_A_VAULT, OTHER_VAULT, BACKUP_TOO_EARLY, LOG_REWRITTEN, CENTRE_KEY_MISSING,
   * ALREADY_COMMITTED, STATEMENT_INVALID, STATEMENT_SIGNED), so a screen words each case. For
   * TAMPERED on seal, addendum or export: SEAL_REMOVED when a seal was removed or replaced.
   */
  reason?: string;
  /** For INVALID_INPUT: the dotted paths of the fields that broke a rule (names only, never values). */
  fields?: string[];
}

/**
 * Events the core pushes to its caller outside a request/response (delivered by Electron's
 * preload as `window.hearth.onEvent`). Never carries plaintext of case data.
 */
export type CoreEvent =
  | { type: 'progress'; channel: string; step: string; percent: number }
  | { type: 'locked'; reason: 'user' | 'idle' | 'system' }
  /** Native menu accelerators for the interview screen (sent by the Electron shell). */
  | { type: 'menu'; action: 'new-note' | 'mark-break' | 'privacy-curtain' }
  /** The shell: the idle time passed during a live interview (show a quiet notice, do not lock). */
  | { type: 'idle-notice' }
  /**
   * The shell is about to lock (menu, idle, OS lock): the renderer saves unsent drafts and
   * locks itself; the shell locks anyway after a short grace.
   */
  | { type: 'lock-requested'; reason: 'user' | 'idle' | 'system' };

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoreError };

import { caseChannels } from './channels/cases';
import { exportChannels } from './channels/export';
import { observerChannels } from './channels/observers';
import { planningChannels } from './channels/planning';
import { protocolChannels } from './channels/protocols';
import { questionChannels } from './channels/questions';
import { sessionChannels } from './channels/sessions';
import { trainingChannels } from './channels/training';
import { vaultChannels } from './channels/vault';

/**
 * Every channel. Each group lives in src/api/channels/<group>.ts (pure zod, like this file) with
 * its handlers in src/api/handlers/<group>.ts.
 */
export { NOTE_TEXT_MAX_CHARS } from './channels/sessions';
export { isLanguageTag } from './channels/common';
export {
  DEFAULT_IDLE_LOCK_MINUTES,
  IDLE_LOCK_CHOICES,
  idleDecision,
  isShellChannel,
  shellChannels,
  type ShellChannel,
} from './channels/shell';

export const channels = {
  ...vaultChannels,
  ...caseChannels,
  ...protocolChannels,
  ...questionChannels,
  ...sessionChannels,
  ...exportChannels,
  ...trainingChannels,
  ...observerChannels,
  ...planningChannels,
} as const;

export type ChannelMap = Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Channel = keyof typeof channels;
/** What a caller sends (before defaults are applied). */
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]['request']>;
/** What a handler receives (after validation and defaults). */
export type ChannelPayload<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends Channel> = z.output<(typeof channels)[C]['response']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The dotted paths of the fields a request broke a rule on ("original.language"), at most five,
 * without array indexes, for CoreError.fields. Field names come from the schema, never values;
 * unknown keys are left out (they are caller input).
 */
export function invalidFields(error: z.ZodError): string[] {
  const paths = error.issues
    .filter((issue) => issue.code !== 'unrecognized_keys')
    .map((issue) => issue.path.filter((p) => typeof p === 'string').join('.'))
    .filter((p) => p !== '');
  return [...new Set(paths)].slice(0, 5);
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
