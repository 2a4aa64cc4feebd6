// `hearth open BUNDLE (--identity FILE | --passphrase-file FILE) --key centre.pub --out DIR`:
// decrypts an encrypted bundle, verifies it against the pinned centre key, and only then writes
// the plain bundle folder into DIR. A bundle that does not verify writes nothing.
import { resolve } from 'node:path';
import { initCrypto } from '../../crypto';
import { openEncrypted, parseIdentity, PLANNING_WITHHELD, type Unlocker } from '../../export';
import { groupHex } from '../../export/encoding';
import { visibleText } from '../../vault';
import { parseCommandArgs } from '../args';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { reportError } from '../errors';
import { CommandFailed } from '../core-call';
import { HearthError } from '../../vault';
import { readTrustedKeyFile } from '../trusted-key';
import { InputError, readSecretFile, UsageError } from '../passphrase';
import { refuseOtherKeyKind } from '../key-files';
import { existingOutFolder } from '../out-folder';
import { keyFromBundleWarning } from './verify';

export const OPEN_USAGE = `Usage: hearth open BUNDLE.hearth-sealed --key centre.pub (--identity FILE | --passphrase-file FILE) --out DIR [--json]

Decrypts an encrypted bundle, verifies it against the centre's public key (as hearth verify does)
and writes the verified bundle folder into DIR (which must exist). If the bundle does not decrypt
or does not verify, nothing is written. --identity is your office's identity file (hearth export
identity made it); --passphrase-file holds the passphrase the centre gave you by another channel.
The passphrase may also come from HEARTH_PASSPHRASE.

${EXIT_CODES_HELP}`;

const OPTIONS = {
  key: { type: 'string', short: 'k' },
  identity: { type: 'string' },
  'passphrase-file': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function unlockFrom(io: CliIo, identityFile?: string, passphraseFile?: string): Unlocker {
  if (identityFile !== undefined && passphraseFile !== undefined)
    throw new UsageError('give --identity or --passphrase-file, not both');
  if (identityFile !== undefined) {
    const text = readSecretFile(identityFile, 'identity');
    refuseOtherKeyKind(identityFile, text, '--identity', 'identity');
    const identity = parseIdentity(text);
    if (!identity)
      throw new InputError(
        `${identityFile} is not a Hearth identity file: --identity takes your office's identity file (hearth export identity --out FILE writes it)`,
      );
    return { identity };
  }
  if (passphraseFile !== undefined)
    return { passphrase: readSecretFile(passphraseFile, 'passphrase') };
  const fromEnv = io.env.HEARTH_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return { passphrase: fromEnv };
  throw new UsageError('give --identity FILE or --passphrase-file FILE to open the bundle');
}

/** The words a user reads for a note kind (newcomer 17, N17-7: not the internal id "mdt"). */
const NOTE_KIND_WORDS: Readonly<Record<string, string>> = {
  question: 'question',
  child: "child's words",
  observation: 'observation',
  mdt: 'team (MDT)',
  interpreter: 'interpreter',
};

/**
 * "nothing", or "2 team (MDT) notes, 1 observation note, the case's planning record". The
 * planning record (PLANNING_WITHHELD) is one record, not a note.
 */
export function withheldText(withheld: Record<string, number>): string {
  const parts = Object.entries(withheld)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) =>
      kind === PLANNING_WITHHELD
        ? "the case's planning record"
        : `${n} ${NOTE_KIND_WORDS[kind] ?? kind.replace(/-/g, ' ')} note${n === 1 ? '' : 's'}`,
    );
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, OPTIONS, OPEN_USAGE, io);
  if (parsed === undefined) return EXIT.ok;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one BUNDLE');
  if (values.key === undefined) throw new UsageError('--key centre.pub is required');
  if (values.out === undefined) throw new UsageError('--out DIR is required');
  const bundle = resolve(positionals[0] as string);
  const outDir = existingOutFolder(values.out);
  const key = readTrustedKeyFile(values.key);
  const warning = keyFromBundleWarning(values.key, bundle);
  if (warning !== undefined) io.err(warning);
  await initCrypto();
  const unlock = unlockFrom(io, values.identity, values['passphrase-file']);
  let opened: Awaited<ReturnType<typeof openEncrypted>>;
  try {
    opened = await openEncrypted(bundle, outDir, key, unlock);
  } catch (error) {
    // The core's words are the app's export screen's ("An export with this name..."): here it
    // is an opened bundle, and the folder is named (newcomer 26, m3).
    if (error instanceof HearthError && error.code === 'CONFLICT')
      throw new CommandFailed({
        code: 'CONFLICT',
        message: `${outDir} already holds a folder with this bundle's name (opened here before?): nothing was written and that folder was not changed. Next: give another --out folder, or move that folder away and run this again.`,
      });
    throw error;
  }
  const { verdict } = opened;
  // Nothing at the path, or not a bundle: input to fix (2, as hearth verify), not a bundle found
  // invalid (1).
  const failed = !verdict.valid && verdict.failure === 'NOT_A_BUNDLE' ? EXIT.usage : EXIT.problem;
  if (values.json) {
    io.out(JSON.stringify({ ...verdict, ...(opened.path ? { path: opened.path } : {}) }) + '\n');
    return verdict.valid ? EXIT.ok : failed;
  }
  if (!verdict.valid || opened.path === undefined) {
    io.out(
      `NOT OPENED: ${visibleText(verdict.valid ? 'the bundle could not be written' : verdict.reason)}\nNothing was written.\n`,
    );
    return verdict.valid ? EXIT.problem : failed;
  }
  io.out(
    [
      `OPENED and VALID: the verified bundle folder is ${opened.path}`,
      `Session: ${verdict.sessionId}`,
      `Sealed at: ${verdict.sealedAt}`,
      `Sealed by: ${visibleText(verdict.sealedBy.displayName)} (${visibleText(verdict.sealedBy.username)})`,
      `Withheld at export: ${withheldText(verdict.withheld)}`,
      `Bundle fingerprint: ${groupHex(verdict.fingerprint)}  (compare with the PDF's footer)`,
      'Read transcript.pdf or transcript.txt; hearth verify on the folder repeats the check.',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export const openCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportError('open', error, io.err, OPEN_USAGE, 'nothing was written');
  }
};
