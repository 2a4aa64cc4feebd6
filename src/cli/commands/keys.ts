// `hearth keys centre|staff`: the files a prosecutor's office needs, and nothing else.
// centre: the centre's public key, the one key the office pins; a minisign public key file that
// `minisign -p centre.pub` and `hearth verify --key centre.pub` take as it is.
// staff: the centre-signed list of certified staff keys (staff-keys.txt + .minisig), which
// `minisign -Vm staff-keys.txt -p centre.pub` checks.
import { createCore } from '../../api/core';
import type { ChannelResponse } from '../../api/contract';
import { parseCommandArgs } from '../args';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { must } from '../core-call';
import { reportError } from '../errors';
import { readPassphrase, UsageError } from '../passphrase';
import { existingVaultFolder } from '../vault-dir';
import { outFileInExistingFolder } from '../out-folder';
import { unlockVault } from '../unlock';

export const KEYS_USAGE = `Usage:
  hearth keys centre --vault DIR [--user NAME] [--out FILE]   the centre public key (minisign format)
  hearth keys staff  --vault DIR [--user NAME] [--out FILE]   the centre-signed staff key list
                                                              (FILE and FILE.minisig)

Give the centre key to each prosecutor's office once, and read its fingerprint to them by phone.
The staff list lets them check a bundle with stock tools: minisign -Vm FILE -p centre.pub.
The vault passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a prompt.
--user defaults to "admin". Without --out the key or list is printed.

${EXIT_CODES_HELP}`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string' },
  out: { type: 'string' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface Values {
  vault?: string;
  user?: string;
  out?: string;
  'passphrase-file'?: string;
}

async function withUnlocked<T>(
  io: CliIo,
  values: Values,
  fn: (core: ReturnType<typeof createCore>, outPath: string | undefined) => Promise<T>,
): Promise<T> {
  // The --out file's folder is checked before the vault is unlocked (a path to fix: exit 2).
  const outPath = values.out !== undefined ? outFileInExistingFolder(values.out) : undefined;
  const core = createCore({ vaultDir: existingVaultFolder(values.vault) });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await unlockVault(core, values.user, passphrase);
    return await fn(core, outPath);
  } finally {
    core.close();
  }
}

async function centre(io: CliIo, values: Values): Promise<number> {
  const key = await withUnlocked(io, values, (core, outPath) =>
    must<ChannelResponse<'keys.centrePublicKey'>>(core, 'keys.centrePublicKey', {
      ...(outPath !== undefined ? { outPath } : {}),
    }),
  );
  if (key.path === undefined) {
    io.out(key.publicKey);
    io.err(`Key id:      ${key.keyId}\nFingerprint: ${key.fingerprint}\n`);
  } else
    io.out(
      `Centre public key written to ${key.path}\nKey id:      ${key.keyId}\nFingerprint: ${key.fingerprint}\n`,
    );
  return EXIT.ok;
}

async function staff(io: CliIo, values: Values): Promise<number> {
  const list = await withUnlocked(io, values, (core, outPath) =>
    must<ChannelResponse<'keys.staffList'>>(core, 'keys.staffList', {
      ...(outPath !== undefined ? { outPath } : {}),
    }),
  );
  if (list.path === undefined) io.out(list.text);
  else
    io.out(
      `Staff key list written to ${list.path}\nCentre signature:   ${list.signaturePath ?? ''}\nIssued: ${list.issuedAt}\nCheck it with: minisign -Vm ${list.path} -p centre.pub\n`,
    );
  return EXIT.ok;
}

export const keysCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    const parsed = parseCommandArgs(argv, OPTIONS, KEYS_USAGE, io);
    if (parsed === undefined) return EXIT.ok;
    const { values, positionals } = parsed;
    const [sub, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError('too many arguments');
    if (sub === 'centre') return await centre(io, values);
    if (sub === 'staff') return await staff(io, values);
    throw new UsageError(
      sub === undefined ? 'say which: centre or staff' : `unknown subcommand "${sub}"`,
    );
  } catch (error) {
    return reportError('keys', error, io.err, KEYS_USAGE, 'nothing was written');
  }
};
