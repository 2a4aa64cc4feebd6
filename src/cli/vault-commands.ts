// `hearth vault init|check|backup|restore|recover|confirm-audit-start|drop-foreign-schema`: vault administration from a
// terminal. Each command runs the same core as the app, so its checks and errors are the app's.
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../api/core';
import type { ChannelResponse, CoreEvent } from '../api/contract';
import { initCrypto } from '../crypto';
import {
  BACKUP_DAMAGED_FIELD,
  checkBackupFile,
  describeForeign,
  dropForeignSchema,
  FindingGroups,
  groupKeyOf,
  HearthError,
  inspectKeyCertRows,
  inspectVaultSchema,
  NOT_A_BACKUP_FIELD,
  restoreVault,
} from '../vault';
import { nonTextKind } from '../questions';
import { EXIT, EXIT_CODES_HELP, type CliIo } from './io';
import { CommandFailed, must } from './core-call';
import { errorCode, helpHint, reportError } from './errors';
import { InputError, readPassphrase, readSecretFile, UsageError } from './passphrase';
import { existingVaultFolder, vaultFolder } from './vault-dir';
import { existingInputFile, outFileInExistingFolder } from './out-folder';
import { DEFAULT_USER, unlockVault } from './unlock';
import { kdfMemoryMib } from './kdf-option';
import { cliLanguage, cliTranslator } from './words';

const MiB = 1024 * 1024;

export const VAULT_USAGE = `Usage:
  hearth vault init    --vault DIR [--user NAME] [--display-name TEXT] [--kdf-memory-mib 64|128|256]
  hearth vault check   --vault DIR [--user NAME] [--json]
  hearth vault backup  --vault DIR [--user NAME] --out FILE
  hearth vault restore --vault DIR --from FILE [--user NAME] [--replace] [--accept-damaged-log]
  hearth vault recover --vault DIR [--user NAME] [--kit-file FILE]
  hearth vault confirm-audit-start --vault DIR [--user NAME] --backup FILE
  hearth vault drop-foreign-schema --vault DIR [--user NAME] --backup FILE

The passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a hidden prompt.
restore: asks for the passphrase of an admin of the backup; the restore is signed with their key
and recorded in the restored audit log. A backup whose audit log does not verify is refused,
naming the entries; --accept-damaged-log restores it anyway (when it is the only backup).
recover: the recovery kit comes from --kit-file FILE, else HEARTH_RECOVERY_KEY, else a prompt;
it sets a NEW passphrase for the user, read from --passphrase-file FILE, else HEARTH_PASSPHRASE,
else a prompt (asked twice), and prints a new kit (the old kit stops working: keep the newest).
confirm-audit-start: only when vault check reports AUDIT_START_UNCONFIRMED; commits where
signed audit starts as a backup FILE of this vault shows it (made before the upgrade to signed
audit): the vault's audit log must match the backup's up to the backup's head. Use a backup
from your own offline media, not a copy from a shared folder.
drop-foreign-schema: only when vault check reports SCHEMA_FOREIGN (database objects, such as
triggers, that Hearth did not make); an admin's passphrase; the file as it is is copied to the
new FILE first, then the objects are removed and the removal is recorded in the audit log.
--user defaults to "admin". --lang en|es chooses the language of Hearth's own warnings (else
LC_ALL, LC_MESSAGES or LANG; else English).

${EXIT_CODES_HELP}`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  'display-name': { type: 'string' },
  'passphrase-file': { type: 'string' },
  lang: { type: 'string' },
  'kdf-memory-mib': { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  backup: { type: 'string' },
  'kit-file': { type: 'string' },
  replace: { type: 'boolean', default: false },
  'accept-damaged-log': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function requireOption(values: Values, name: 'out' | 'from'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return resolve(value);
}

function kdfOption(values: Values) {
  const mib = kdfMemoryMib(values['kdf-memory-mib']);
  return mib === undefined ? undefined : { opsLimit: 3, memLimitBytes: mib * MiB };
}

/**
 * Prints a long operation's progress events to stderr (stdout keeps the result, and --json stays
 * parseable): one line per step and every 10 % within it.
 */
function progressPrinter(io: CliIo, channel: string): (event: CoreEvent) => void {
  let last = '';
  return (event) => {
    if (event.type !== 'progress' || event.channel !== channel) return;
    const key = `${event.step} ${Math.floor(event.percent / 10) * 10}`;
    if (key === last) return;
    last = key;
    io.err(`${channel.replace('.', ' ')}: ${event.step} ${event.percent}%\n`);
  };
}

async function unlocked(
  io: CliIo,
  values: Values,
  onEvent?: (event: CoreEvent) => void,
): Promise<Core> {
  const core = createCore({
    vaultDir: existingVaultFolder(values.vault),
    ...(onEvent ? { onEvent } : {}),
  });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    const user = await unlockVault(core, values.user, passphrase);
    if (user.rolledBack) io.err(`WARNING: ${user.rolledBack.message}\n`);
    if (user.anchorMissing) io.err(`WARNING: ${user.anchorMissing.message}\n`);
    // In the one language chosen (--lang, else LC_ALL / LC_MESSAGES / LANG; sec47 (b)).
    if (user.passphraseExposed) {
      const t = cliTranslator(cliLanguage(io.env, values.lang));
      io.err(`${t('unlock.passphraseExposed', { message: t('notices.passphraseExposed') })}\n`);
    }
    return core;
  } catch (error) {
    core.close();
    throw error;
  }
}

async function init(io: CliIo, values: Values): Promise<number> {
  const argon2 = kdfOption(values);
  const vaultDir = vaultFolder(values.vault);
  const core = createCore({
    vaultDir,
    ...(argon2 ? { argon2 } : {}),
  });
  try {
    const status = await must<ChannelResponse<'vault.status'>>(core, 'vault.status', {});
    if (status.exists)
      throw new CommandFailed({
        code: 'VAULT_EXISTS',
        message: `A vault already exists in ${vaultDir}: nothing was changed. To use it, sign in (hearth vault check --vault ${values.vault ?? vaultDir}); for a new vault, give another folder.`,
      });
    const passphrase = await readPassphrase(io, values['passphrase-file'], {
      confirm: true,
      label: 'New passphrase',
    });
    const username = values.user ?? DEFAULT_USER;
    const { recoveryKey } = await must<ChannelResponse<'vault.create'>>(core, 'vault.create', {
      username,
      displayName: values['display-name'] ?? username,
      passphrase,
    });
    io.out(
      [
        `Hearth vault created in ${vaultDir}`,
        `Administrator: ${username}`,
        '',
        'RECOVERY KIT: print this or write it down, and keep it somewhere safe, away from this',
        'computer. It is shown only this once. With it, a forgotten passphrase can be reset:',
        `    hearth vault recover --vault ${vaultDir} --user ${username}`,
        '(it asks for this kit, then the new passphrase, and prints a new kit: this one then stops working).',
        '',
        `    ${recoveryKey}`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    core.close();
  }
}

/**
 * A finding's code for the CLI line, unless its detail already starts with it (older findings
 * carry it there; newer ones do not repeat it: R15-6's "RECORD_REMOVED: RECORD_REMOVED").
 */
function codeOf(finding: { code?: string; detail: string }): string {
  return finding.code && !finding.detail.startsWith(`${finding.code}:`) ? ` ${finding.code}` : '';
}

/**
 * The findings by code, largest group first (perf22): a code found more than once gets a line
 * with its exact count, then its listed examples (the core keeps the first 20 of each), then how
 * many more were counted: 200,000 planted junk rows print as about 22 lines, not 200,000.
 */
function printGroups(io: CliIo, result: ChannelResponse<'vault.check'>): void {
  const language = cliLanguage(io.env);
  const t = cliTranslator(language);
  const n = (x: number) => x.toLocaleString(language === 'es' ? 'es-419' : 'en-US');
  // A core before perf22 sent no groups: each finding is its own example, counted here.
  const groups =
    result.groups ??
    new FindingGroups<(typeof result.problems)[number]>(Infinity).absorbed(result.problems);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  io.out(`${t('check.found', { shown: n(total) })}\n`);
  const line = (p: (typeof result.problems)[number]) =>
    `${p.kind} ${p.id}${codeOf(p)}: ${p.detail}`;
  for (const g of groups) {
    const examples = result.problems.filter((p) => groupKeyOf(p) === groupKeyOf(g));
    if (g.count === 1) {
      for (const p of examples) io.out(`  ${line(p)}\n`);
      continue;
    }
    const values = { code: g.code ?? g.kind, shown: n(g.count), listed: n(examples.length) };
    io.out(`  ${t(g.count > examples.length ? 'check.group' : 'check.groupAll', values)}\n`);
    for (const p of examples) io.out(`    ${line(p)}\n`);
    if (g.count > examples.length)
      io.out(`    ${t('check.more', { ...values, more: n(g.count - examples.length) })}\n`);
  }
}

async function check(io: CliIo, values: Values): Promise<number> {
  // Objects Hearth did not make run inside every write, a sign-in's included (RT22-2): named
  // without a passphrase, and nothing is signed in or written.
  // A missing index, trigger or view blocks nothing: the full check below names it
  // (SCHEMA_MISSING). A missing table blocks every sign-in (R24-6): named here, keyless.
  const foreign = inspectVaultSchema(existingVaultFolder(values.vault)).filter(
    (o) => o.why !== 'missing' || o.type === 'table',
  );
  if (foreign.length > 0) {
    const problems = foreign.map((o) =>
      o.why === 'missing'
        ? {
            kind: 'schema',
            id: `${o.type}:${o.name}`,
            code: 'SCHEMA_MISSING',
            values: { type: o.type, name: o.name },
            detail: `the table ${JSON.stringify(o.name)} Hearth made is missing from the vault file: dropped outside Hearth, with what it held, so no one can sign in. Restore the newest backup (hearth vault restore)`,
          }
        : {
            kind: 'schema',
            id: `${o.type}:${o.name}`,
            code: 'SCHEMA_FOREIGN',
            values: { type: o.type, name: o.name },
            detail: `${o.type} ${JSON.stringify(o.name)} ${o.why === 'changed' ? "is one of Hearth's but its SQL was changed" : 'was not made by Hearth'}: put in the vault file outside Hearth; it would run inside Hearth's own changes, so no one can sign in until it is removed (hearth vault drop-foreign-schema --vault DIR --user ADMIN --backup FILE) or the newest backup is restored (hearth vault restore)`,
          },
    );
    if (values.json) io.out(JSON.stringify({ ok: false, problems, notices: [] }) + '\n');
    else {
      io.out(`vault check: ${problems.length} problem(s) found\n`);
      for (const p of problems) io.out(`  ${p.kind} ${p.id} [${p.code}]: ${p.detail}\n`);
    }
    return EXIT.problem;
  }
  let core: Core;
  try {
    core = await unlocked(io, values, progressPrinter(io, 'vault.check'));
  } catch (error) {
    // A class key the admin needs lost its certificate to a value of the wrong type (R25-3): no
    // admin signs in, so the damaged rows are named here, read without a key.
    if (!(error instanceof CommandFailed) || error.error.reason !== 'KEY_CERT_MALFORMED') throw error;
    const problems = inspectKeyCertRows(existingVaultFolder(values.vault));
    if (values.json) io.out(JSON.stringify({ ok: false, problems, notices: [] }) + '\n');
    else {
      io.err(`${error.error.message}\n`);
      io.out(`vault check: ${problems.length} problem(s) found without signing in\n`);
      for (const p of problems) io.out(`  ${p.kind} ${p.id} [${p.code}]: ${p.detail}\n`);
    }
    return EXIT.problem;
  }
  try {
    const result = await must<ChannelResponse<'vault.check'>>(core, 'vault.check', {});
    if (values.json) io.out(JSON.stringify(result) + '\n');
    else if (result.ok) io.out('vault check: no problems found\n');
    else printGroups(io, result);
    if (!values.json)
      for (const n of result.notices ?? [])
        io.out(`  notice ${n.kind} ${n.id}${codeOf(n)}: ${n.detail}\n`);
    return result.ok ? EXIT.ok : EXIT.problem;
  } finally {
    core.close();
  }
}

async function confirmAuditStart(io: CliIo, values: Values): Promise<number> {
  const file = values.backup;
  if (!file)
    throw new UsageError(
      '--backup FILE is required: a backup of this vault made before the upgrade to signed audit; the start is taken from it',
    );
  // The core takes full paths only; a relative path is relative to the shell's folder.
  const backupFile = existingInputFile(file, '--backup', 'backup file');
  const core = await unlocked(io, values);
  try {
    const result = await must<ChannelResponse<'vault.confirmAuditStart'>>(
      core,
      'vault.confirmAuditStart',
      { backupFile },
    );
    io.out(
      `signed audit committed from entry ${result.auditSignedFrom} on; entries before it (${result.unsignedEntries}) stay unsigned and are reported as such by vault check\n`,
    );
    return EXIT.ok;
  } finally {
    core.close();
  }
}

/** Removes foreign schema objects after a backup copy, as an admin (RT22-2, schema-repair.ts). */
async function dropForeign(io: CliIo, values: Values): Promise<number> {
  const vaultDir = existingVaultFolder(values.vault);
  if (!values.backup)
    throw new UsageError(
      '--backup FILE is required: the vault file as it is now is copied there first',
    );
  const backupFile = outFileInExistingFolder(resolve(values.backup), '--backup');
  const foreign = inspectVaultSchema(vaultDir);
  if (foreign.length === 0) {
    io.out(
      'vault drop-foreign-schema: every database object is one Hearth made; nothing was changed\n',
    );
    return EXIT.ok;
  }
  const username = values.user ?? DEFAULT_USER;
  const passphrase = await readPassphrase(io, values['passphrase-file'], {
    label: `Passphrase of ${username} (an admin)`,
  });
  const result = await dropForeignSchema(vaultDir, { username, passphrase, backupFile });
  io.out(
    `removed ${describeForeign(result.dropped)}; the file as it was is kept in ${result.backupFile}; recorded in the audit log as vault.schemaRepaired. Run \`hearth vault check\` next.\n`,
  );
  return EXIT.ok;
}

async function backup(io: CliIo, values: Values): Promise<number> {
  // The core takes full paths only; a relative --out is relative to the shell's folder.
  const out = outFileInExistingFolder(requireOption(values, 'out'));
  const core = await unlocked(io, values, progressPrinter(io, 'vault.backup'));
  try {
    const result = await must<ChannelResponse<'vault.backup'>>(core, 'vault.backup', {
      path: out,
    });
    io.out(`backup written: ${result.path} (${result.bytes} bytes, encrypted like the vault)\n`);
    return EXIT.ok;
  } finally {
    core.close();
  }
}

/** The recovery kit text: --kit-file, else HEARTH_RECOVERY_KEY, else a hidden prompt. */
async function readKit(io: CliIo, values: Values): Promise<string> {
  const file = values['kit-file'];
  if (file !== undefined) return readSecretFile(resolve(file), 'recovery kit');
  const fromEnv = io.env.HEARTH_RECOVERY_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY)
    throw new UsageError(
      'no recovery kit given: use --kit-file FILE, set HEARTH_RECOVERY_KEY, or run in a terminal',
    );
  return readPassphrase(io, undefined, { label: 'Recovery key (from the printed kit)' });
}

async function recover(io: CliIo, values: Values): Promise<number> {
  const core = createCore({ vaultDir: existingVaultFolder(values.vault) });
  try {
    const recoveryKey = await readKit(io, values);
    const newPassphrase = await readPassphrase(io, values['passphrase-file'], {
      confirm: true,
      label: `New passphrase for ${values.user ?? DEFAULT_USER}`,
    });
    const result = await must<ChannelResponse<'vault.recover'>>(core, 'vault.recover', {
      username: values.user ?? DEFAULT_USER,
      recoveryKey,
      newPassphrase,
    });
    io.out(
      [
        `New passphrase set for ${result.username} (${result.role}).`,
        '',
        'NEW RECOVERY KIT: the old kit no longer works. Print this or write it down, and keep it',
        'somewhere safe, away from this computer. It is shown only this once.',
        '',
        `    ${result.recoveryKey}`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    core.close();
  }
}

/** What a file that is not a database looks like ("a PDF document"), from its first bytes. */
function lookalike(file: string): string | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(64 * 1024);
      return nonTextKind(bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * A refused backup file (backup-file.ts: not a Hearth backup, or damaged) as an input to fix
 * (exit 2), in the user's language, naming the file as given and the next step; any other
 * error unchanged. Nothing was restored when this is thrown (restoreVault changes nothing on
 * error).
 */
function wrongBackupFile(error: unknown, from: string, vaultDir: string, io: CliIo): unknown {
  // A record in the backup that fails authentication (one flipped bit in an admin's key record:
  // newcomer 26, F6): said as a damaged backup, naming the file, what was not changed and the
  // next step, with the same exit code (2: a file to fix) as a damaged audit log.
  if (tamperedCode(error)) {
    const t = cliTranslator(cliLanguage(io.env));
    return new InputError(
      `${t('restore.damaged', { file: from, why: t('restore.why.TAMPERED', { reason: (error as Error).message.replace(/\.$/, '') }), vault: vaultDir })} ${t('restore.tamperedOtherAdmin')}`,
    );
  }
  if (!(error instanceof HearthError) || error.code !== 'INVALID_INPUT') return error;
  const field = error.details.fields?.[0];
  if (field !== NOT_A_BACKUP_FIELD && field !== BACKUP_DAMAGED_FIELD) return error;
  const t = cliTranslator(cliLanguage(io.env));
  const reason = error.details.reason ?? 'NOT_A_DATABASE';
  const kind = reason === 'NOT_A_DATABASE' ? lookalike(from) : undefined;
  const entries = error.details.entries ?? [];
  const why = kind
    ? t('restore.why.NOT_A_DATABASE_KIND', { kind: t(`fileKinds.${kind}`) })
    : t(`restore.why.${reason}`, {
        entries: entries.slice(0, 10).join(', ') + (entries.length > 10 ? ', …' : ''),
        count: entries.length,
      });
  const said = t(field === NOT_A_BACKUP_FIELD ? 'restore.notBackup' : 'restore.damaged', {
    file: from,
    why,
    vault: vaultDir,
  });
  // The override for a damaged log comes last, after the safer next step (review25 F20).
  return new InputError(
    reason === 'BACKUP_LOG_DAMAGED' ? `${said} ${t('restore.damagedLogLastResort')}` : said,
  );
}

/** True for a TAMPERED error, from the core (CommandFailed) or the vault (HearthError). */
function tamperedCode(error: unknown): boolean {
  return errorCode(error) === 'TAMPERED';
}

/**
 * A TAMPERED refusal of vault check or backup (which only read the vault), with what was not changed and the
 * next step (newcomer 26, F6: a bare "Record ... fails authentication" left a single-admin
 * centre with no way on). The vault's checks are unchanged; only how the CLI says it.
 */
function tamperedWithNextStep(error: unknown, action: string, values: Values, io: CliIo): unknown {
  if (!tamperedCode(error)) return error;
  const t = cliTranslator(cliLanguage(io.env, values.lang));
  const message = (error as Error).message;
  return new CommandFailed({
    code: 'TAMPERED',
    message: `${message} ${t('vault.tampered', { action, vault: values.vault ?? 'DIR' })}`,
  });
}

/**
 * What happens to the app's second anchor copy after a restore it was not given (README, "Backups";
 * red team round 7, R7-9): it is set aside and rewritten at the next sign-in, not reported as
 * ROLLED_BACK, because the restored anchor carries the restoring admin's signed checkpoint. Where
 * the copy is: Electron's user-data folder for the product name "Hearth" (electron/main.ts).
 */
export const APP_ANCHOR_COPY_NOTE =
  'If the app on this computer keeps a second copy (hearth-vault.anchor.json in its user-data folder: ~/.config/Hearth on Linux, ~/Library/Application Support/Hearth on macOS, %APPDATA%\\Hearth on Windows; ~/.config/hearth when run with npm start; HEARTH_USER_DATA_DIR when set), nothing needs doing: the app sets it aside at its next sign-in and writes a new one, without reporting ROLLED_BACK. To sign that copy now as well, set HEARTH_ANCHOR_COPY to it when you restore.';

/**
 * Restores a backup as the admin's signed act: their passphrase opens the backup, the restore is
 * recorded in its audit log under their key, and every anchor copy (the vault folder's and
 * HEARTH_ANCHOR_COPY, which the app sets to its user-data folder) is signed for the restored head.
 */
async function restore(io: CliIo, values: Values): Promise<number> {
  const vaultDir = vaultFolder(values.vault);
  const from = existingInputFile(requireOption(values, 'from'), '--from', 'backup file');
  // A text file, a PDF, an empty or cut-off file is refused before the passphrase is asked for
  // (its first 100 bytes only: the file is not opened as a database here).
  try {
    checkBackupFile(from, from, { tables: false });
  } catch (error) {
    throw wrongBackupFile(error, from, vaultDir, io);
  }
  const username = values.user ?? DEFAULT_USER;
  const passphrase = await readPassphrase(io, values['passphrase-file'], {
    label: `Passphrase of ${username} (an admin of the backup)`,
  });
  const anchorCopy = io.env.HEARTH_ANCHOR_COPY;
  // restoreVault opens the backup's key slot itself, without a core: libsodium must be loaded
  // first (newcomer 17, N17-1: a restore run as its own process failed as "tampered").
  await initCrypto();
  let result: ReturnType<typeof restoreVault>;
  try {
    result = restoreVault(from, vaultDir, {
      replace: values.replace,
      acceptDamagedLog: values['accept-damaged-log'],
      admin: { username, passphrase },
      ...(anchorCopy ? { anchorCopy: resolve(anchorCopy) } : {}),
    });
  } catch (error) {
    throw wrongBackupFile(error, from, vaultDir, io);
  }
  io.out(
    `vault restored into ${vaultDir} (backup sha256 ${result.backupSha256}, audit entry ${result.restoredSeq}), signed by ${username}\n`,
  );
  if (result.previous) io.out(`the vault that was there is kept as ${result.previous}\n`);
  if (!anchorCopy)
    io.out(
      `note: HEARTH_ANCHOR_COPY is not set, so only the anchor in the vault folder was signed for this restore. ${APP_ANCHOR_COPY_NOTE}\n`,
    );
  io.out('run `hearth vault check` to confirm it.\n');
  return EXIT.ok;
}

export async function vaultCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return reportError('vault', error, io.err, VAULT_USAGE);
  }
  const [action, ...extra] = parsed.positionals;
  if (parsed.values.help || action === undefined) {
    (parsed.values.help ? io.out : io.err)(`${VAULT_USAGE}\n`);
    return parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const commands: Record<string, (io: CliIo, values: Values) => Promise<number> | number> = {
    init,
    check,
    backup,
    restore,
    recover,
    'confirm-audit-start': confirmAuditStart,
    'drop-foreign-schema': dropForeign,
  };
  const command = commands[action];
  if (!command || extra.length > 0) {
    io.err(
      `hearth vault: unknown action "${[action, ...extra].join(' ')}": nothing was done. ${helpHint(VAULT_USAGE)}\n`,
    );
    return EXIT.usage;
  }
  try {
    return await command(io, parsed.values);
  } catch (error) {
    // One error table for every command (errors.ts): a usage error shows the usage, an input
    // file or path to fix only its message (exit 2), a core error its code (exit 1, or 2 for
    // invalid input and a --vault path with no vault).
    return reportError(
      `vault ${action}`,
      // check and backup only read the vault, so "nothing was changed" is true of them.
      action === 'check' || action === 'backup'
        ? tamperedWithNextStep(error, action, parsed.values, io)
        : error,
      io.err,
      `\n${VAULT_USAGE}`,
    );
  }
}
