// `hearth verify-set BUNDLE BUNDLE... --key centre.pub [--json]`: verifies each bundle of one
// extended (multi-session) interview on its own, exactly as `hearth verify` does, then checks
// them together (src/export/extended-set.ts): one series, each later session continues the one
// before, every seal head an export lists matches the bundle given, and which of sessions 1..n
// are missing. Exit 0 complete and consistent, 1 a bundle not valid, the set inconsistent or
// incomplete, 2 usage. Its own file so `hearth verify`'s argument parsing stays as it is; that
// command may route several BUNDLE arguments here.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { initCrypto } from '../../crypto';
import { checkExtendedSet, verifyPath, type SetMember } from '../../export';
import { visibleText } from '../../vault';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { reportError } from '../errors';
import { readTrustedKeyFile } from '../trusted-key';
import { UsageError } from '../passphrase';

export const VERIFY_SET_USAGE = `Usage: hearth verify-set BUNDLE BUNDLE... --key centre.pub [--json]

Checks the bundles of one extended (multi-session) interview: each is verified on its own as
hearth verify does (a folder or a zip; open an encrypted bundle first with hearth open), then
together: they belong to one extended interview, each later session continues the one before,
the seal heads each export lists match the bundles given, and which of sessions 1..n are
missing. A session linked after the newest export is not known to any bundle.

${EXIT_CODES_HELP}`;

const OPTIONS = {
  key: { type: 'string', short: 'k' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function report(r: ReturnType<typeof checkExtendedSet>): string {
  const lines: string[] = [];
  const verdict = r.complete
    ? 'COMPLETE AND CONSISTENT'
    : r.consistent
      ? 'CONSISTENT BUT INCOMPLETE'
      : 'NOT CONSISTENT';
  lines.push(`${verdict}: extended interview ${r.seriesId ?? '(none)'}`);
  if (r.planned !== undefined)
    lines.push(
      `  sessions planned: ${r.planned}; bundles given for: ${r.present.join(', ') || 'none'}`,
    );
  for (const m of r.missing)
    lines.push(
      m.status === 'unlisted'
        ? `  missing: session ${m.index} (no export names it: it may never have been held)`
        : `  missing: session ${m.index} (${m.sessionId}, ${m.status === 'sealed' ? 'sealed' : 'not sealed'} at the newest export): ask the centre for its bundle`,
    );
  for (const p of r.problems) lines.push(`  ${p.code}: ${visibleText(p.detail)}`);
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${VERIFY_SET_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length < 2) throw new UsageError('give two or more BUNDLE paths');
  if (values.key === undefined) throw new UsageError('--key centre.pub is required');
  const key = readTrustedKeyFile(values.key);
  await initCrypto();
  const members: SetMember[] = [];
  const notBundles: string[] = [];
  for (const path of positionals) {
    const { verdict } = await verifyPath(resolve(path), key);
    if (!verdict.valid && verdict.failure === 'NOT_A_BUNDLE') notBundles.push(path);
    members.push(
      verdict.valid
        ? {
            label: path,
            valid: true,
            sessionId: verdict.sessionId,
            exportedAt: verdict.exportedAt,
            ...(verdict.extended ? { extended: verdict.extended } : {}),
          }
        : { label: path, valid: false, reason: `${verdict.failure}: ${verdict.reason}` },
    );
  }
  const result = checkExtendedSet(members);
  io.out(values.json ? `${JSON.stringify(result)}\n` : report(result));
  // A path with no bundle is input to fix (exit 2, as hearth verify), not a set found incomplete.
  if (notBundles.length > 0) {
    io.err(
      `hearth verify-set: no bundle at ${notBundles.join(', ')}: give each bundle folder, zip or .hearth-sealed file, then run again\n`,
    );
    return EXIT.usage;
  }
  return result.complete ? EXIT.ok : EXIT.problem;
}

export const verifySetCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportError(
      'verify-set',
      error,
      io.err,
      VERIFY_SET_USAGE,
      'the bundles could not be checked',
    );
  }
};
