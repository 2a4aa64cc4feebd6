// `hearth export`: write a sealed transcript bundle from a vault, make an identity for a
// prosecutor's office, or publish the vault users' signing keys. Runs the same core as the app.
import { readFileSync } from 'node:fs';
import type { parseArgs } from 'node:util';
import { createCore, type Core } from '../../api/core';
import { initCrypto } from '../../crypto';
import {
  DEFAULT_CHOICES,
  generateIdentity,
  parseRecipientKey,
  writeFileAtomic,
  type ExportChoices,
} from '../../export';
import { groupHex } from '../../export/encoding';
import { parseCommandArgs } from '../args';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { CommandFailed, must } from '../core-call';
import { reportError } from '../errors';
import { existingOutFolder, outFileInExistingFolder } from '../out-folder';
import { existingVaultFolder } from '../vault-dir';
import { InputError, readPassphrase, unreadableReason, UsageError } from '../passphrase';
import { readKeyFile, refuseOtherKeyKind } from '../key-files';
import { unlockVault } from '../unlock';
import { kdfMemoryMib } from '../kdf-option';

export const EXPORT_USAGE = `Usage:
  hearth export --vault DIR --session ID --out DIR [--user NAME] [--recipient KEYFILE | --encrypt-passphrase-file FILE [--kdf-memory-mib 64|128|256]]
                [--reason TEXT] [--include-team-notes] [--include-allegation] [--without-observer-names]
                [--exclude-kind KIND ...] [--include-coding] [--include-observer-queue]
                [--include-planning-record] [--json]
  hearth export identity --out FILE [--label TEXT]   make an identity for a recipient office (FILE and FILE.pub)

What goes in (the same defaults as the app's export screen): the transcript with questions,
the child's words, observations and interpreter notes; observer names; case reference and child
alias. Left out unless asked for: the team's (MDT) notes (--include-team-notes), the allegation
summary (--include-allegation), question coding (--include-coding), the observers' suggested
questions and the decisions on them (--include-observer-queue; their counts always go; with
--without-observer-names a suggestion that names its observer is withheld whole), the case's planning record
(--include-planning-record: planning-record.json, signed with the bundle but not part of the seal;
refused for a trainer's or reviewer's account, as in the app). Withheld events stay in the
bundle as digests, so the seal still checks. --exclude-kind leaves out more kinds of note:
question, child, observation, team or interpreter.

Find the session ID with: hearth sessions list --vault DIR [--case REF]
The keys a prosecutor's office needs: hearth keys centre / hearth keys staff (hearth keys --help).
A bundle sent to a passphrase derives its key with Argon2id over 256 MiB (about a second on a
prosecutor's machine); --kdf-memory-mib 64 or 128 is cheaper for a small machine, and 64 MiB is
the least any Hearth accepts when opening it.
The vault passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a prompt.
--user defaults to "admin".

${EXIT_CODES_HELP}`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  session: { type: 'string' },
  out: { type: 'string' },
  recipient: { type: 'string' },
  'encrypt-passphrase-file': { type: 'string' },
  'kdf-memory-mib': { type: 'string' },
  'passphrase-file': { type: 'string' },
  reason: { type: 'string' },
  'exclude-kind': { type: 'string', multiple: true },
  'include-allegation': { type: 'boolean', default: false },
  'include-team-notes': { type: 'boolean', default: false },
  'without-observer-names': { type: 'boolean', default: false },
  'include-coding': { type: 'boolean', default: false },
  'include-planning-record': { type: 'boolean', default: false },
  'include-observer-queue': { type: 'boolean', default: false },
  label: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function required(values: Values, name: 'session' | 'out'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`the ${what} ${path} ${unreadableReason(error)}`);
  }
}

/**
 * The --recipient file's text: the receiving office's public key. Another kind of key file (the
 * office's secret identity, the centre key) is refused naming what it is (InputError, exit 2).
 */
function readRecipient(file: string): string {
  const text = readKeyFile(file, '--recipient');
  refuseOtherKeyKind(file, text, '--recipient', 'recipient');
  if (!parseRecipientKey(text))
    throw new InputError(
      `${file} is not a Hearth recipient public key: --recipient takes the receiving office's public key (the FILE.pub that hearth export identity wrote at that office)`,
    );
  return text;
}

/** `must`, with the way to find a session id added when there is no session with it. */
async function mustFindSession<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  try {
    return await must<T>(core, channel, payload);
  } catch (error) {
    if (error instanceof CommandFailed && error.error.code === 'NOT_FOUND')
      throw new CommandFailed({
        ...error.error,
        message: `${error.error.message} List the sessions and their ids with: hearth sessions list --vault DIR`,
      });
    throw error;
  }
}

async function withVault<T>(io: CliIo, values: Values, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ vaultDir: existingVaultFolder(values.vault) });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await unlockVault(core, values.user, passphrase);
    return await fn(core);
  } finally {
    core.close();
  }
}

const KINDS = ['question', 'child', 'observation', 'mdt', 'interpreter'];

/** The CLI's flags over the one set of defaults (DEFAULT_CHOICES). */
function exportChoices(values: Values, excluded: string[]): ExportChoices {
  if (values['include-team-notes'] && excluded.includes('mdt'))
    throw new UsageError('--include-team-notes and --exclude-kind team contradict each other');
  const kinds = new Set<string>(DEFAULT_CHOICES.noteKinds);
  if (values['include-team-notes']) kinds.add('mdt');
  for (const k of excluded) kinds.delete(k);
  return {
    ...DEFAULT_CHOICES,
    noteKinds: KINDS.filter((k) => kinds.has(k)) as ExportChoices['noteKinds'],
    includeAllegationSummary: values['include-allegation'],
    includeCoding: values['include-coding'],
    includeObserverNames: !values['without-observer-names'],
    includeObserverQueue: values['include-observer-queue'],
    includePlanningRecord: values['include-planning-record'],
  };
}

async function exportBundle(io: CliIo, values: Values): Promise<number> {
  const sessionId = required(values, 'session');
  const outDir = existingOutFolder(required(values, 'out'));
  // "team" is the word users know for the team's (MDT) notes; "mdt" is kept for old scripts.
  const excluded = (values['exclude-kind'] ?? []).map((k) => {
    const kind = k.trim().toLowerCase();
    return kind === 'team' ? 'mdt' : kind;
  });
  const unknown = excluded.filter((k) => !KINDS.includes(k));
  if (unknown.length > 0)
    throw new UsageError(
      '--exclude-kind must be one of question, child, observation, team (the team (MDT) notes; also written mdt), interpreter',
    );
  if (values.recipient !== undefined && values['encrypt-passphrase-file'] !== undefined)
    throw new UsageError('use --recipient or --encrypt-passphrase-file, not both');
  const recipientKey = values.recipient !== undefined ? readRecipient(values.recipient) : undefined;
  const encryptPassphrase =
    values['encrypt-passphrase-file'] !== undefined
      ? readText(values['encrypt-passphrase-file'], 'passphrase file').replace(/\r?\n$/, '')
      : undefined;
  const memoryMib = kdfMemoryMib(values['kdf-memory-mib']);
  if (memoryMib !== undefined && encryptPassphrase === undefined)
    throw new UsageError('--kdf-memory-mib goes with --encrypt-passphrase-file');
  const result = await withVault(io, values, (core) =>
    mustFindSession<{ path: string; fingerprint: string; encrypted?: boolean }>(
      core,
      'export.sealed',
      {
        sessionId,
        outDir,
        ...(recipientKey !== undefined ? { recipientKey } : {}),
        ...(encryptPassphrase !== undefined ? { passphrase: encryptPassphrase } : {}),
        ...(memoryMib !== undefined ? { passphraseMemoryMib: memoryMib } : {}),
        ...(values.reason !== undefined ? { reason: values.reason } : {}),
        choices: exportChoices(values, excluded),
      },
    ),
  );
  if (values.json) io.out(JSON.stringify(result) + '\n');
  else
    io.out(
      `Exported ${result.encrypted ? 'an encrypted ' : ''}sealed bundle to ${result.path}\nBundle fingerprint: ${groupHex(result.fingerprint)}\n`,
    );
  return EXIT.ok;
}

async function identity(io: CliIo, values: Values): Promise<number> {
  const out = outFileInExistingFolder(required(values, 'out'));
  await initCrypto();
  const made = generateIdentity(values.label ?? 'recipient');
  const encoder = new TextEncoder();
  writeFileAtomic(`${out}.pub`, encoder.encode(made.recipientKey));
  writeFileAtomic(out, encoder.encode(made.identity));
  io.out(
    `Identity written to ${out} (keep it private).\nPublic key for senders: ${out}.pub\nFingerprint (confirm by phone): ${made.fingerprint}\n`,
  );
  return EXIT.ok;
}

export const exportCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    const parsed = parseCommandArgs(argv, OPTIONS, EXPORT_USAGE, io);
    if (parsed === undefined) return EXIT.ok;
    const { values, positionals } = parsed;
    const [sub, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError('too many arguments');
    if (sub === undefined) return await exportBundle(io, values);
    if (sub === 'identity') return await identity(io, values);
    if (sub === 'keys')
      throw new UsageError(
        '"export keys" is replaced by "hearth keys centre" (the key a prosecutor pins) and "hearth keys staff" (the centre-signed staff list)',
      );
    throw new UsageError(`unknown subcommand "${sub}"`);
  } catch (error) {
    return reportError('export', error, io.err, EXPORT_USAGE, 'nothing was exported');
  }
};
