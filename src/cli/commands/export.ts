// `hearth export`: write a sealed transcript bundle from a vault, make an identity for a
// prosecutor's office, or publish the vault users' signing keys. Runs the same core as the app.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../../api/core';
import { initCrypto } from '../../crypto';
import { generateIdentity, writeFileAtomic } from '../../export';
import { groupHex } from '../../export/encoding';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { CommandFailed, must } from '../core-call';
import { readPassphrase, UsageError } from '../passphrase';

export const EXPORT_USAGE = `Usage:
  hearth export --vault DIR --session ID --out DIR [--user NAME] [--recipient KEYFILE | --encrypt-passphrase-file FILE]
                [--reason TEXT] [--exclude-kind KIND ...] [--include-allegation] [--include-coding] [--json]
  hearth export identity --out FILE [--label TEXT]   make an identity for a recipient office (FILE and FILE.pub)
  hearth export keys --vault DIR [--user NAME] [--out FILE]   publish the users' signing keys

The vault passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a prompt.
--user defaults to "admin". Exit codes: 0 ok, 1 problem, 2 usage error.`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string', default: 'admin' },
  session: { type: 'string' },
  out: { type: 'string' },
  recipient: { type: 'string' },
  'encrypt-passphrase-file': { type: 'string' },
  'passphrase-file': { type: 'string' },
  reason: { type: 'string' },
  'exclude-kind': { type: 'string', multiple: true },
  'include-allegation': { type: 'boolean', default: false },
  'include-coding': { type: 'boolean', default: false },
  label: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function required(values: Values, name: 'vault' | 'session' | 'out'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} ${path}`);
  }
}

async function withVault<T>(io: CliIo, values: Values, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ vaultDir: resolve(required(values, 'vault')) });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await must(core, 'vault.unlock', { username: values.user, passphrase });
    return await fn(core);
  } finally {
    core.close();
  }
}

const KINDS = ['question', 'child', 'observation', 'mdt', 'interpreter'];

async function exportBundle(io: CliIo, values: Values): Promise<number> {
  const sessionId = required(values, 'session');
  const outDir = resolve(required(values, 'out'));
  const excluded = values['exclude-kind'] ?? [];
  const unknown = excluded.filter((k) => !KINDS.includes(k));
  if (unknown.length > 0) throw new UsageError(`--exclude-kind must be one of ${KINDS.join(', ')}`);
  if (values.recipient !== undefined && values['encrypt-passphrase-file'] !== undefined)
    throw new UsageError('use --recipient or --encrypt-passphrase-file, not both');
  const recipientKey =
    values.recipient !== undefined ? readText(values.recipient, 'recipient key file') : undefined;
  const encryptPassphrase =
    values['encrypt-passphrase-file'] !== undefined
      ? readText(values['encrypt-passphrase-file'], 'passphrase file').replace(/\r?\n$/, '')
      : undefined;
  const result = await withVault(io, values, (core) =>
    must<{ path: string; fingerprint: string; encrypted?: boolean }>(core, 'export.sealed', {
      sessionId,
      outDir,
      ...(recipientKey !== undefined ? { recipientKey } : {}),
      ...(encryptPassphrase !== undefined ? { passphrase: encryptPassphrase } : {}),
      ...(values.reason !== undefined ? { reason: values.reason } : {}),
      choices: {
        noteKinds: KINDS.filter((k) => !excluded.includes(k)),
        includeAllegationSummary: values['include-allegation'],
        includeCoding: values['include-coding'],
      },
    }),
  );
  if (values.json) io.out(JSON.stringify(result) + '\n');
  else
    io.out(
      `Exported ${result.encrypted ? 'an encrypted ' : ''}sealed bundle to ${result.path}\nBundle fingerprint: ${groupHex(result.fingerprint)}\n`,
    );
  return EXIT.ok;
}

async function identity(io: CliIo, values: Values): Promise<number> {
  const out = resolve(required(values, 'out'));
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

async function keys(io: CliIo, values: Values): Promise<number> {
  const outPath = values.out !== undefined ? resolve(values.out) : undefined;
  const result = await withVault(io, values, (core) =>
    must<{ text: string; path?: string }>(core, 'keys.exportPublic', {
      ...(outPath !== undefined ? { outPath } : {}),
    }),
  );
  io.out(result.path !== undefined ? `Public keys written to ${result.path}\n` : result.text);
  return EXIT.ok;
}

export const exportCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
    });
    if (values.help) {
      io.out(`${EXPORT_USAGE}\n`);
      return EXIT.ok;
    }
    const [sub, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError('too many arguments');
    if (sub === undefined) return await exportBundle(io, values);
    if (sub === 'identity') return await identity(io, values);
    if (sub === 'keys') return await keys(io, values);
    throw new UsageError(`unknown subcommand "${sub}"`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`hearth export: ${(error as Error).message}\n${EXPORT_USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CommandFailed) {
      io.err(`hearth export: ${error.error.code}: ${error.error.message}\n`);
      return EXIT.problem;
    }
    if (
      (error as { code?: string }).code !== undefined &&
      error instanceof Error &&
      error.name === 'HearthError'
    ) {
      io.err(`hearth export: ${error.message}\n`);
      return EXIT.problem;
    }
    io.err('hearth export: an unexpected error occurred; nothing was exported\n');
    return EXIT.problem;
  }
};
