// `hearth verify BUNDLE --key centre.pub [--identity FILE | --passphrase-file FILE] [--json]`:
// checks a sealed transcript bundle (folder or encrypted file) against the centre's public key.
// Needs no vault: this is what a prosecutor runs. Exit 0 valid, 1 not valid (with the exact
// reason), 2 usage. Every failure is reported, never thrown.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { initCrypto } from '../../crypto';
import {
  BUNDLE_FILES,
  encryptionMode,
  parseIdentity,
  parseTrustedKey,
  readBundlePath,
  verifyPath,
  type Unlocker,
} from '../../export';
import { groupHex } from '../../export/encoding';
import { visibleText } from '../../vault';
import { EXIT, type CliCommand, type CliIo } from '../io';
import { readPassphrase, UsageError } from '../passphrase';

export const VERIFY_USAGE = `Usage: hearth verify BUNDLE --key centre.pub [--identity FILE | --passphrase-file FILE] [--json]

BUNDLE is a bundle folder or an encrypted bundle file (.hearth-sealed).
centre.pub is the centre's public key (hearth keys centre), obtained from the centre and its
fingerprint confirmed by phone; a staff member's key is refused. An encrypted bundle is opened with --identity
(recipient key) or a passphrase (--passphrase-file, HEARTH_PASSPHRASE or a prompt).
Exit codes: 0 valid, 1 not valid, 2 usage error.`;

const OPTIONS = {
  key: { type: 'string', short: 'k' },
  identity: { type: 'string' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} ${path}`);
  }
}

async function unlockFor(
  io: CliIo,
  bundle: string,
  identityFile: string | undefined,
  passphraseFile: string | undefined,
): Promise<Unlocker> {
  if (identityFile !== undefined) {
    const identity = parseIdentity(readText(identityFile, 'identity file'));
    if (!identity) throw new UsageError(`${identityFile} is not a Hearth identity file`);
    return { identity };
  }
  let mode: ReturnType<typeof encryptionMode>;
  try {
    const onDisk = readBundlePath(bundle, BUNDLE_FILES);
    mode = onDisk.kind === 'file' ? encryptionMode(onDisk.bytes) : undefined;
  } catch {
    mode = undefined; // verifyPath reports the reason
  }
  if (mode === 'passphrase') return { passphrase: await readPassphrase(io, passphraseFile) };
  return {};
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${VERIFY_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one BUNDLE');
  if (values.key === undefined) throw new UsageError('--key centre.pub is required');
  const bundle = resolve(positionals[0] as string);
  const key = parseTrustedKey(readText(values.key, 'key file'));
  if (!key) throw new UsageError(`${values.key} is not a minisign public key`);
  await initCrypto();
  const unlock = await unlockFor(io, bundle, values.identity, values['passphrase-file']);
  const { verdict, encrypted } = await verifyPath(bundle, key, unlock);
  if (values.json) {
    io.out(JSON.stringify({ ...verdict, encrypted }) + '\n');
    return verdict.valid ? EXIT.ok : EXIT.problem;
  }
  if (!verdict.valid) {
    io.out(`INVALID: ${visibleText(verdict.reason)}\n`);
    return EXIT.problem;
  }
  io.out(
    [
      `VALID: sealed transcript bundle${encrypted ? ' (encrypted)' : ''}, checked against the centre key`,
      ...verdict.proven.map((line) => `  - ${visibleText(line)}`),
      'Not proven by this check:',
      ...verdict.notProven.map((line) => `  - ${visibleText(line)}`),
      `Bundle fingerprint: ${groupHex(verdict.fingerprint)}`,
      `Session: ${verdict.sessionId}`,
      `Files: ${verdict.files.length} (${verdict.files.join(', ')})`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export const verifyCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`hearth verify: ${(error as Error).message}\n${VERIFY_USAGE}\n`);
      return EXIT.usage;
    }
    // Nothing from a bundle reaches here (verifyPath returns verdicts); still, never a stack trace.
    io.err('hearth verify: INVALID: the bundle could not be checked\n');
    return EXIT.problem;
  }
};
