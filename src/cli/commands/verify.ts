// `hearth verify BUNDLE --key centre.pub [--staff FILE] [--identity FILE | --passphrase-file FILE]
// [--json]`:
// checks a sealed transcript bundle (folder or encrypted file) against the centre's public key.
// Needs no vault: this is what a prosecutor runs. Exit 0 valid, 1 not valid (with the exact
// reason), 2 usage or input that is not a bundle (missing path, not a bundle file, an encrypted
// bundle without its identity file). Every failure is reported, never thrown.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { initCrypto, sha256File } from '../../crypto';
import {
  READABLE_FILES,
  encryptionMode,
  parseIdentity,
  parseTrustedKey,
  pinnedStaffListProblem,
  readBundlePath,
  verifyPath,
  type MinisignPublicKey,
  type Unlocker,
  type UnprovenBundle,
  type VerifiedBundle,
} from '../../export';
import type { RecordingFingerprint } from '../../export/recording';
import { groupHex } from '../../export/encoding';
import { visibleText } from '../../vault';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { reportError } from '../errors';
import { readPassphrase, UsageError } from '../passphrase';

export const VERIFY_USAGE = `Usage: hearth verify BUNDLE --key centre.pub [--staff STAFF_LIST]
                     [--identity FILE | --passphrase-file FILE] [--recording VIDEO_FILE] [--json]

BUNDLE is a bundle folder, a zip of that folder, or an encrypted bundle file (.hearth-sealed).
centre.pub is the centre's public key (hearth keys centre), obtained from the centre once and its
fingerprint confirmed by phone; a staff member's key is refused, and a key taken from the bundle
itself proves nothing (a warning says so). An encrypted bundle is checked with --identity
(recipient key) or a passphrase (--passphrase-file, HEARTH_PASSPHRASE or a prompt); to write its
files out, use hearth open. --recording checks whether a video file is the recording whose
SHA-256 the sealed record names (exit 0 if it is, 1 if it is not or none is named).
--staff pins the staff list you obtained from the centre earlier (hearth keys staff --out FILE
writes FILE and FILE.minisig; keep both). It must be signed by centre.pub, or nothing is checked
(exit 2). A signer whose key is not on it, or on it under another role or name, makes the result
NOT PROVEN (exit 1): the key was withdrawn (a removed staff member), certified after the list, or
certified outside the vault; get the centre's current list and verify again. Without --staff, the
bundle's own certificates and staff list are used, which the exporter chose: the result says
that who signed is not proven.

${EXIT_CODES_HELP}`;

const OPTIONS = {
  key: { type: 'string', short: 'k' },
  identity: { type: 'string' },
  'passphrase-file': { type: 'string' },
  recording: { type: 'string' },
  staff: { type: 'string' },
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

/**
 * A key file inside the bundle folder (or beside the bundle, named as a bundle file) came with
 * the bundle: whoever made the bundle chose it, so checking against it proves nothing. Returns
 * the warning to print, or undefined.
 */
export function keyFromBundleWarning(keyFile: string, bundle: string): string | undefined {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const key = real(keyFile);
  const root = real(bundle);
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    return undefined;
  }
  if (!isFolder || !(key === root || key.startsWith(root + sep))) return undefined;
  return [
    'WARNING: the key file is inside the bundle folder. A key that came with the bundle is not a',
    "pin: whoever made the bundle chose it. Use the centre's key obtained from the centre itself",
    '(hearth keys centre), its fingerprint confirmed by phone.',
    '',
  ].join('\n');
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
    const onDisk = readBundlePath(bundle, READABLE_FILES);
    mode = onDisk.kind === 'file' ? encryptionMode(onDisk.bytes) : undefined;
  } catch {
    mode = undefined; // verifyPath reports the reason
  }
  if (mode === 'passphrase') return { passphrase: await readPassphrase(io, passphraseFile) };
  if (mode === 'recipient')
    throw new UsageError(
      `${bundle} is encrypted to a recipient key: give the matching identity file with --identity FILE (the office's secret identity, from hearth export identity)`,
    );
  return {};
}

/**
 * Reads the pinned staff list and its FILE.minisig and checks them against the centre key;
 * refuses (usage error, exit 2) rather than verify against a list the centre did not sign.
 */
function readPinnedStaffList(file: string, centre: MinisignPublicKey): string {
  const list = readText(file, 'staff list');
  let minisig: string;
  try {
    minisig = readFileSync(`${file}.minisig`, 'utf8');
  } catch {
    throw new UsageError(
      `cannot read ${file}.minisig, the centre's signature of the staff list: keep it beside the list (hearth keys staff --out FILE writes both)`,
    );
  }
  const problem = pinnedStaffListProblem(centre, list, minisig);
  if (problem !== undefined)
    throw new UsageError(
      `${problem}. Obtain the staff list from the centre whose key you pinned (hearth keys staff --out FILE) and check it with: minisign -Vm ${file} -p centre.pub`,
    );
  return list;
}

/** Hashes the video file and looks for it among the sealed record's recordings. */
async function matchRecording(
  file: string,
  recordings: RecordingFingerprint[],
): Promise<{ matches: boolean; sha256: string; bytes: number; label?: string }> {
  let hashed: { sha256: string; bytes: number };
  try {
    hashed = await sha256File(resolve(file));
  } catch {
    throw new UsageError(`cannot read the recording file ${file}`);
  }
  const found = recordings.find((r) => r.sha256 === hashed.sha256 && r.bytes === hashed.bytes);
  return {
    matches: found !== undefined,
    ...hashed,
    ...(found?.label !== undefined ? { label: found.label } : {}),
  };
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
  const warning = keyFromBundleWarning(values.key, bundle);
  if (warning !== undefined) io.err(warning);
  const key = parseTrustedKey(readText(values.key, 'key file'));
  if (!key) throw new UsageError(`${values.key} is not a minisign public key`);
  await initCrypto();
  const pinnedStaffList =
    values.staff === undefined ? undefined : readPinnedStaffList(values.staff, key);
  const unlock = await unlockFor(io, bundle, values.identity, values['passphrase-file']);
  const { verdict, encrypted } = await verifyPath(
    bundle,
    key,
    unlock,
    pinnedStaffList === undefined ? {} : { pinnedStaffList },
  );
  const recording =
    verdict.valid && values.recording !== undefined
      ? await matchRecording(values.recording, verdict.recordings)
      : undefined;
  const ok = verdict.valid && (recording === undefined || recording.matches);
  // Nothing at the path, or not a bundle at all: the input was wrong (2), not a bundle found
  // invalid (1), so scripts can tell "check the path" from "do not rely on this bundle".
  const notABundle = !verdict.valid && verdict.failure === 'NOT_A_BUNDLE';
  if (notABundle)
    io.err(
      `hearth verify: ${visibleText(verdict.reason)}. Give as BUNDLE the bundle folder, a zip of that folder, or the .hearth-sealed file.\n`,
    );
  if (values.json) {
    io.out(
      JSON.stringify({
        ...verdict,
        encrypted,
        ...(warning !== undefined ? { keyFromBundle: true } : {}),
        ...(recording !== undefined ? { recording } : {}),
      }) + '\n',
    );
    return ok ? EXIT.ok : notABundle ? EXIT.usage : EXIT.problem;
  }
  if (notABundle) return EXIT.usage;
  if (!verdict.valid && verdict.failure !== 'IDENTITY_NOT_PROVEN') {
    io.out(`INVALID: ${visibleText(verdict.reason)}\n`);
    return EXIT.problem;
  }
  const report = verdict as VerifiedBundle | UnprovenBundle;
  const unproven = !report.valid;
  io.out(
    [
      unproven
        ? `NOT PROVEN: the content of this sealed transcript bundle${encrypted ? ' (encrypted)' : ''} checks against the centre key, but who signed it is not proven by the staff list you pinned. Do not rely on it until the centre confirms:`
        : `VALID: sealed transcript bundle${encrypted ? ' (encrypted)' : ''}, checked against ${warning !== undefined ? 'a key taken from the bundle itself (NOT a pinned centre key: see the warning)' : 'the centre key'}${values.staff === undefined ? '; who signed is NOT checked against a staff list (identity not proven: see below)' : ` and the staff list you pinned`}${report.rendition.reRendered ? '' : `; transcript.txt and transcript.pdf NOT re-rendered (rendition version ${report.rendition.version}): see below`}`,
      ...(unproven ? ['What the content would prove, had the signers been genuine:'] : []),
      ...report.proven.map((line) => `  - ${visibleText(line)}`),
      'Not proven by this check:',
      ...report.notProven.map((line) => `  - ${visibleText(line)}`),
      `Bundle fingerprint: ${groupHex(report.fingerprint)}`,
      `Session: ${report.sessionId}`,
      `Recordings named in the sealed record: ${
        report.recordings.length === 0
          ? 'none'
          : report.recordings
              .map(
                (r) =>
                  `#${r.seq} ${r.label !== undefined ? `${visibleText(r.label)} ` : ''}(${r.bytes} bytes, SHA-256 ${groupHex(r.sha256)})`,
              )
              .join('; ')
      }`,
      `Files: ${report.files.length} (${report.files.join(', ')})`,
      '',
    ].join('\n'),
  );
  if (recording !== undefined) {
    io.out(
      recording.matches
        ? `RECORDING MATCHES: ${values.recording} is the recording named in the sealed record (${recording.label !== undefined ? `${visibleText(recording.label)}, ` : ''}SHA-256 ${groupHex(recording.sha256)}).\n`
        : `RECORDING DOES NOT MATCH: ${values.recording} (SHA-256 ${groupHex(recording.sha256)}, ${recording.bytes} bytes) is ${report.recordings.length === 0 ? 'not checked against anything: the sealed record names no recording' : 'not the recording named in the sealed record'}.\n`,
    );
    return recording.matches && !unproven ? EXIT.ok : EXIT.problem;
  }
  return unproven ? EXIT.problem : EXIT.ok;
}

export const verifyCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    // Nothing from a bundle reaches here (verifyPath returns verdicts); usage errors do.
    return reportError('verify', error, io.err, VERIFY_USAGE, 'the bundle could not be checked');
  }
};
