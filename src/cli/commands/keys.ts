// `hearth keys centre`: write the centre's public key, the one key a prosecutor's office pins.
// The file is a minisign public key file: `minisign -p centre.pub` and `hearth verify --key
// centre.pub` take it as it is.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../api/core';
import type { ChannelResponse } from '../../api/contract';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { CommandFailed, must } from '../core-call';
import { readPassphrase, UsageError } from '../passphrase';

export const KEYS_USAGE = `Usage:
  hearth keys centre --vault DIR [--user NAME] [--out FILE]   the centre public key (minisign format)

Give FILE to each prosecutor's office once, and read the fingerprint to them by phone.
The vault passphrase comes from --passphrase-file FILE, else HEARTH_PASSPHRASE, else a prompt.
--user defaults to "admin". Exit codes: 0 ok, 1 problem, 2 usage error.`;

const OPTIONS = {
  vault: { type: 'string' },
  user: { type: 'string', default: 'admin' },
  out: { type: 'string' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function centre(
  io: CliIo,
  values: { vault?: string; user: string; out?: string; 'passphrase-file'?: string },
): Promise<number> {
  if (!values.vault) throw new UsageError('--vault is required');
  const core = createCore({ vaultDir: resolve(values.vault) });
  try {
    const passphrase = await readPassphrase(io, values['passphrase-file']);
    await must(core, 'vault.unlock', { username: values.user, passphrase });
    const outPath = values.out !== undefined ? resolve(values.out) : undefined;
    const key = await must<ChannelResponse<'keys.centrePublicKey'>>(core, 'keys.centrePublicKey', {
      ...(outPath !== undefined ? { outPath } : {}),
    });
    if (key.path !== undefined) io.out(`Centre public key written to ${key.path}\n`);
    else io.out(key.publicKey);
    io.out(`Key id:      ${key.keyId}\nFingerprint: ${key.fingerprint}\n`);
    return EXIT.ok;
  } finally {
    core.close();
  }
}

export const keysCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
    });
    if (values.help) {
      io.out(`${KEYS_USAGE}\n`);
      return EXIT.ok;
    }
    const [sub, ...rest] = positionals;
    if (sub !== 'centre' || rest.length > 0)
      throw new UsageError('the only subcommand is "centre"');
    return await centre(io, values);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`hearth keys: ${(error as Error).message}\n${KEYS_USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CommandFailed) {
      io.err(`hearth keys: ${error.error.code}: ${error.error.message}\n`);
      return EXIT.problem;
    }
    io.err('hearth keys: an unexpected error occurred; nothing was written\n');
    return EXIT.problem;
  }
};
